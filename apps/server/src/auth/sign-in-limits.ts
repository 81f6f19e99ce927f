// Rate limits on guessing: failed sign-ins (and failed invitation codes) are
// counted per address and per account over a sliding window, in the
// database, so the limits hold across every server process. Invariants: the
// limit is checked before the password is, so a locked-out guesser learns
// nothing more; a 429 says when to try again.
import { ApiError } from '../errors.js';
import type { Services } from '../api/services.js';

async function refuseIfOver(
  services: Services,
  key: { address: string } | { accountId: string },
  limit: number,
): Promise<void> {
  const { signInWindowMs } = services.settings;
  const now = services.now();
  const { count, oldestAt } = await services.storage.audit.failedSignInsSince(
    key,
    now - signInWindowMs,
  );
  if (count < limit) return;
  const retryAfterMs = (oldestAt ?? now) + signInWindowMs - now;
  throw new ApiError('too_many_attempts', {}, Math.max(1, Math.ceil(retryAfterMs / 1000)));
}

export function refuseIfAddressOverLimit(services: Services, address: string): Promise<void> {
  return refuseIfOver(services, { address }, services.settings.signInFailuresPerAddress);
}

export function refuseIfAccountOverLimit(services: Services, accountId: string): Promise<void> {
  return refuseIfOver(services, { accountId }, services.settings.signInFailuresPerAccount);
}

export async function recordFailedAttempt(
  services: Services,
  address: string,
  accountId: string | null,
): Promise<void> {
  await services.storage.audit.recordSignInAttempt({
    at: services.now(),
    address,
    accountId,
    succeeded: false,
  });
}
