// SPA fallback: which requests for paths with no file behind them get the app
// shell (index.html) so that the client-side router can take over. Invariants:
// only a browser navigation qualifies (GET or HEAD, Accept names text/html, the
// last path segment has no file extension, not under /api/ however that is
// spelled); anything else that matches no file is a plain 404, so a missing
// script or image never comes back as HTML with a 200.

export interface FallbackCandidate {
  method: string;
  /** The request URL as received: path plus optional query string. */
  url: string;
  accept: string | undefined;
}

const apiPrefix = '/api/';

/** A request URL's path, percent-escapes decoded as the router decodes them. */
function decodedPath(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Whether a URL names the API ("/api" or below it), however its path is spelled ("/%61pi/"). */
export function isApiPath(url: string): boolean {
  const path = decodedPath(url);
  return path === apiPrefix.slice(0, -1) || path.startsWith(apiPrefix);
}

export function wantsAppShell({ method, url, accept }: FallbackCandidate): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (accept === undefined || !accept.includes('text/html')) return false;
  if (isApiPath(url)) return false;
  const path = decodedPath(url);
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  return !lastSegment.includes('.');
}
