// The session cookie's name: with the __Host- prefix over HTTPS (the browser
// then insists on Secure, Path=/ and no Domain), plain over HTTP (local use).
export const SESSION_COOKIE_NAMES = {
  secure: '__Host-glutewake_session',
  plain: 'glutewake_session',
} as const;
