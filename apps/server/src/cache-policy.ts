// Cache policy for the built web app. Invariants: only files under /assets/
// are cached for good, because Vite names every file it writes there after a
// hash of its content (apps/web/public must therefore never hold an assets/
// folder); everything else, index.html, the service worker, workbox runtime,
// manifest and icons, is revalidated on every use (ETag / Last-Modified), so a
// new deploy is picked up at once and the service worker can update itself.

export const cacheControl = {
  immutable: 'public, max-age=31536000, immutable',
  revalidate: 'no-cache',
} as const;

export type CacheControl = (typeof cacheControl)[keyof typeof cacheControl];

/**
 * The Cache-Control for a file, from its path relative to the web root with
 * forward slashes ("assets/index-CGX5WZDb.js", "index.html").
 */
export function cacheControlFor(relativePath: string): CacheControl {
  return relativePath.startsWith('assets/') ? cacheControl.immutable : cacheControl.revalidate;
}
