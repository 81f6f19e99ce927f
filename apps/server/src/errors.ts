// The one registry of errors a client can see: each has a stable code, an
// HTTP status and a short, plain message written for the person in front of
// the app. Invariants: codes never change meaning once released (clients
// branch on them); messages never hold stack traces, SQL or other people's
// data; anything not in this registry reaches a client as `internal_error`.

export const errorRegistry = {
  bad_request: { status: 400, message: "Something in that request isn't right." },
  invalid_json: { status: 400, message: "That request isn't valid JSON." },
  wrong_content_type: { status: 400, message: 'Please send the request as JSON.' },
  body_not_allowed: {
    status: 400,
    message: 'That request is shaped in a way we do not accept (too deep, too long or odd keys).',
  },
  weak_password: {
    status: 400,
    message: 'Please choose a longer password: at least 10 characters.',
  },
  unsupported_sync_version: {
    status: 400,
    message:
      'This version of the app is too new or too old for this server. Your data is safe on your device.',
  },
  invalid_program: {
    status: 400,
    message: 'That program has some problems. Each one is listed with where it is.',
  },
  invalid_protocol: {
    status: 400,
    message: 'That protocol has some problems. Each one is listed with where it is.',
  },
  not_signed_in: { status: 401, message: 'Please sign in.' },
  session_expired: {
    status: 401,
    message: 'Your sign-in has ended. Please sign in again.',
  },
  sign_in_failed: { status: 401, message: "That email and password don't match." },
  not_allowed: { status: 403, message: "Your account can't do that." },
  origin_refused: {
    status: 403,
    message: 'That request came from another site, so we refused it.',
  },
  device_taken: {
    status: 403,
    message: 'This device is linked to another account. Sign in with that account to sync it.',
  },
  sync_wrong_account: {
    status: 403,
    message: 'These changes belong to another account, so nothing was synced.',
  },
  session_taken: {
    status: 403,
    message: 'Some of these sessions belong to another account, so nothing was synced.',
  },
  not_found: { status: 404, message: 'Not found' },
  invitation_unusable: {
    status: 404,
    message: 'That invitation has expired or was already used. Ask your therapist for a new one.',
  },
  setup_done: { status: 409, message: 'This server is already set up. Please sign in.' },
  email_taken: { status: 409, message: 'There is already an account with that email.' },
  program_changed: {
    status: 409,
    message: 'Someone else changed this program a moment ago. Please look at their version first.',
  },
  protocol_changed: {
    status: 409,
    message: 'Someone else changed this protocol a moment ago. Please look at their version first.',
  },
  sync_gap: {
    status: 409,
    message: 'Some earlier changes have not arrived yet. Sending them first.',
  },
  body_too_large: {
    status: 413,
    message: 'That is too much to send at once. Please send it in smaller parts.',
  },
  too_many_attempts: {
    status: 429,
    message: 'Too many tries. Please wait a little and try again.',
  },
  internal_error: { status: 500, message: 'Something went wrong on our side. Please try again.' },
  database_unavailable: {
    status: 503,
    message: 'The server cannot save right now. Nothing was lost: please try again in a moment.',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorRegistry;

export const ERROR_CODES = Object.keys(errorRegistry) as ErrorCode[];

/** Extra fields an error may carry to the client, such as `expectedSeq`. */
export type ErrorDetails = Record<string, string | number | boolean | string[] | null>;

export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetails = {},
    /** Seconds the client should wait before retrying (sent as Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(errorRegistry[code].message);
    this.name = 'ApiError';
    this.status = errorRegistry[code].status;
  }
}

/** The JSON body of every error response. */
export interface ErrorBody extends ErrorDetails {
  statusCode: number;
  error: string;
  code: ErrorCode;
  message: string;
}

const reasonPhrases: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function errorBody(code: ErrorCode, details: ErrorDetails = {}): ErrorBody {
  const { status, message } = errorRegistry[code];
  return {
    ...details,
    statusCode: status,
    error: reasonPhrases[status] ?? 'Error',
    code,
    message,
  };
}
