// Rate limits on guessing: failed sign-ins (and failed invitation codes) are
// counted per address and per account over a sliding window, in the
// database, so the limits hold across every server process. Invariants: an
// attempt is counted before the password or code is checked, and counts as
// failed until it is found right, so guesses sent all at once are limited
// like guesses sent one by one; an attempt over a limit is refused before
// anything is checked, so a locked-out guesser learns nothing more; a 429
// says when to try again.
import { ApiError } from '../errors.js';
import type { Services } from '../api/services.js';

/** Counts an attempt from `address` (at `accountId`, when known); its id, or too_many_attempts. */
export async function reserveAttempt(
  services: Services,
  address: string,
  accountId: string | null,
): Promise<number> {
  const { signInWindowMs, signInFailuresPerAddress, signInFailuresPerAccount } = services.settings;
  const now = services.now();
  const reservation = await services.storage.audit.reserveSignInAttempt(
    { at: now, address, accountId },
    {
      since: now - signInWindowMs,
      perAddress: signInFailuresPerAddress,
      perAccount: signInFailuresPerAccount,
    },
  );
  if (reservation.kind === 'reserved') return reservation.id;
  const retryAfterMs = reservation.oldestAt + signInWindowMs - now;
  throw new ApiError('too_many_attempts', {}, Math.max(1, Math.ceil(retryAfterMs / 1000)));
}

/** The attempt was right: it stops counting against the limits. */
export function attemptSucceeded(services: Services, attemptId: number): Promise<void> {
  return services.storage.audit.markSignInAttemptSucceeded(attemptId);
}
