// Security headers: the one set of headers that every response carries, files,
// SPA fallbacks, 404s and errors alike. Invariants: the Content-Security-Policy
// allows only same-origin code (no inline scripts, no eval, no inline <style>),
// which a Vite build with vite-plugin-pwa (injectRegister: false) satisfies;
// the page may use the microphone and a screen wake lock, and nothing else
// powerful; nobody may frame it. Over HTTPS (as the request reached us, or
// as a trusted proxy says it did) browsers are also told to come back only
// over HTTPS for a year; over plain HTTP that header would mean nothing.

/** Each CSP directive and its sources, in the order they are sent. */
const contentSecurityPolicy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'media-src': ["'self'", 'blob:', 'data:'],
  'worker-src': ["'self'", 'blob:'],
  'manifest-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
} as const satisfies Record<string, readonly string[]>;

/** Powerful features: voice answers need the microphone, a session keeps the screen on. */
const permissionsPolicy = {
  microphone: '(self)',
  'screen-wake-lock': '(self)',
  camera: '()',
  geolocation: '()',
  payment: '()',
  usb: '()',
} as const satisfies Record<string, string>;

function serialise(directives: Record<string, readonly string[]>): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': serialise(contentSecurityPolicy),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy': Object.entries(permissionsPolicy)
    .map(([feature, allowlist]) => `${feature}=${allowlist}`)
    .join(', '),
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/** Sent only on requests that came over HTTPS (RFC 6797 ignores it on HTTP). */
export const strictTransportSecurity = 'max-age=31536000';
