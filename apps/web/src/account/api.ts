// The server's API as the app calls it: JSON in, JSON out, same origin, the
// session in an HttpOnly cookie the app never sees. Invariants: a call never
// throws; every failure comes back with the server's stable error code and
// its plain message, and a network failure reads as `offline`, so callers
// can say what happened and keep their data as it is.
export interface ApiSuccess<T> {
  ok: true;
  status: number;
  value: T;
}

export interface ApiFailure {
  ok: false;
  /** 0 when the server could not be reached. */
  status: number;
  code: string;
  message: string;
  details: Record<string, unknown>;
  /** Seconds the server asked to wait (Retry-After), if it said. */
  retryAfterSeconds: number | null;
}

export type ApiResult<T> = ApiSuccess<T> | ApiFailure;

export const OFFLINE_MESSAGE = 'The server cannot be reached right now. Nothing was lost.';

export async function apiCall<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return failure(0, 'offline', OFFLINE_MESSAGE, {}, null);
  }
  const json = (await response.json().catch(() => null)) as unknown;
  if (response.ok) return { ok: true, status: response.status, value: json as T };
  const retryAfter = Number(response.headers.get('retry-after'));
  const { code, message, ...details } = (json ?? {}) as Record<string, unknown>;
  return failure(
    response.status,
    typeof code === 'string' ? code : 'http_error',
    typeof message === 'string' ? message : `The server answered ${response.status}.`,
    details,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}

function failure(
  status: number,
  code: string,
  message: string,
  details: Record<string, unknown>,
  retryAfterSeconds: number | null,
): ApiFailure {
  return { ok: false, status, code, message, details, retryAfterSeconds };
}
