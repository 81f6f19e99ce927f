// Object-level authorization: finding the thing a path names on behalf of
// the account asking. Invariants: a client is visible to its clinic's owner
// and to its own therapist, nobody else; anything not visible is answered
// exactly like something that does not exist (404), and the attempt is
// audited with the id that was asked for.
import type { Account, Invitation } from '../storage/types.js';
import { ApiError } from '../errors.js';
import { auditFor } from './audit.js';
import type { Actor, RouteContext } from './route.js';

type Context = RouteContext<unknown, unknown, unknown> & { actor: Actor };

async function notFound(context: Context, what: string, id: string): Promise<never> {
  await auditFor(context.services, context.request, context.actor).denied(
    'not-found',
    { what, id },
    id,
  );
  throw new ApiError('not_found');
}

/** A client the actor (owner, or the client's own therapist) may see. */
export async function clientFor(context: Context, clientId: string): Promise<Account> {
  const { actor, services } = context;
  const client = await services.storage.accounts.get(actor.clinicId, clientId);
  const visible =
    client !== null &&
    client.role === 'client' &&
    (actor.role === 'owner' || client.therapistId === actor.accountId);
  return visible ? client : notFound(context, 'client', clientId);
}

/** A staff member of the actor's clinic (for the owner's staff routes). */
export async function staffMemberFor(context: Context, accountId: string): Promise<Account> {
  const { actor, services } = context;
  const account = await services.storage.accounts.get(actor.clinicId, accountId);
  return account !== null && account.role !== 'client'
    ? account
    : notFound(context, 'staff member', accountId);
}

/** Any account of the actor's clinic (for the owner). */
export async function accountFor(context: Context, accountId: string): Promise<Account> {
  const { actor, services } = context;
  const account = await services.storage.accounts.get(actor.clinicId, accountId);
  return account ?? notFound(context, 'account', accountId);
}

/** An invitation the actor may manage: the owner any of the clinic's, a therapist their own. */
export async function invitationFor(context: Context, invitationId: string): Promise<Invitation> {
  const { actor, services } = context;
  const invitation = await services.storage.invitations.get(actor.clinicId, invitationId);
  const visible =
    invitation !== null && (actor.role === 'owner' || invitation.createdBy === actor.accountId);
  return visible ? invitation : notFound(context, 'invitation', invitationId);
}
