// The owner's routes: the clinic's staff, removing a therapist, disabling an
// account, and reading the audit log. Invariants: only the owner calls them;
// nobody removes or disables themselves or an owner through them; each
// change ends every session of the account it touches, in the same
// transaction (storage), and is audited.
import { z } from 'zod';
import { ApiError } from '../errors.js';
import { accountFor, staffMemberFor } from './access.js';
import { AUDIT_KINDS, auditFor } from './audit.js';
import { queryInteger, uuid } from './fields.js';
import { defineRoute, rolesOnly } from './route.js';
import { accountView, accountViewOf, auditEntryView, auditEntryViewOf } from './views.js';

export const listStaffRoute = defineRoute({
  id: 'listStaff',
  method: 'GET',
  url: '/api/staff',
  summary: 'The clinic’s owner and therapists',
  tag: 'clinic',
  access: rolesOnly('owner'),
  target: 'none',
  success: {
    status: 200,
    schema: z.object({ staff: z.array(accountView) }),
    description: 'Oldest first',
  },
  errors: [],
  async handle({ actor, services }) {
    const staff = await services.storage.accounts.listStaff(actor.clinicId);
    return { staff: staff.map(accountViewOf) };
  },
});

export const removeTherapistRoute = defineRoute({
  id: 'removeTherapist',
  method: 'POST',
  url: '/api/staff/:accountId/remove',
  summary: 'Remove a therapist: their clients move to you, their sessions end',
  tag: 'clinic',
  access: rolesOnly('owner'),
  target: 'staff-member',
  params: z.strictObject({ accountId: uuid }),
  success: { status: 204, description: 'Removed' },
  errors: ['not_found'],
  async handle(context) {
    const { actor, params, services, request } = context;
    const therapist = await staffMemberFor(context, params.accountId);
    if (therapist.role !== 'therapist') throw new ApiError('not_allowed');
    await services.storage.accounts.removeTherapist(
      actor.clinicId,
      therapist.id,
      actor.accountId,
      services.now(),
    );
    await auditFor(services, request, actor).record(AUDIT_KINDS.therapistRemoved, therapist.id, {
      clientsMovedTo: actor.accountId,
    });
  },
});

export const disableAccountRoute = defineRoute({
  id: 'disableAccount',
  method: 'POST',
  url: '/api/accounts/:accountId/disable',
  summary: 'Disable an account of the clinic: it can no longer sign in, its sessions end',
  tag: 'clinic',
  access: rolesOnly('owner'),
  target: 'client',
  params: z.strictObject({ accountId: uuid }),
  success: { status: 204, description: 'Disabled' },
  errors: ['not_found'],
  async handle(context) {
    const { actor, params, services, request } = context;
    const account = await accountFor(context, params.accountId);
    if (account.role === 'owner') throw new ApiError('not_allowed');
    await services.storage.accounts.disable(actor.clinicId, account.id, services.now());
    await auditFor(services, request, actor).record(AUDIT_KINDS.accountDisabled, account.id);
  },
});

const AUDIT_PAGE_DEFAULT = 100;
const AUDIT_PAGE_MAX = 500;

export const listAuditRoute = defineRoute({
  id: 'listAudit',
  method: 'GET',
  url: '/api/audit',
  summary: 'The clinic’s audit log, newest first, in pages',
  tag: 'clinic',
  access: rolesOnly('owner'),
  target: 'none',
  query: z.strictObject({ before: queryInteger.optional(), limit: queryInteger.optional() }),
  success: {
    status: 200,
    schema: z.object({
      entries: z.array(auditEntryView),
      /** Pass as `before` for the next page; null on the last page. */
      nextBefore: z.number().int().nullable(),
    }),
    description: 'One page of entries',
  },
  errors: [],
  async handle({ actor, query, services }) {
    const limit = Math.min(
      AUDIT_PAGE_MAX,
      Math.max(1, query.limit === undefined ? AUDIT_PAGE_DEFAULT : Number(query.limit)),
    );
    const entries = await services.storage.audit.list(actor.clinicId, {
      limit,
      ...(query.before === undefined ? {} : { beforeId: Number(query.before) }),
    });
    const last = entries.at(-1);
    return {
      entries: entries.map(auditEntryViewOf),
      nextBefore: entries.length === limit && last !== undefined ? last.id : null,
    };
  },
});
