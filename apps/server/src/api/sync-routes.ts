// Sync routes: a client's device pushes its session log in batches, asks
// where its cursor stands, pulls the program versions its therapist
// assigned, and reads its own quarantined events. Invariants: only a client
// account syncs, and only its own log (a batch for another account, a device
// or a session of another account is refused whole with 403, audited); a
// batch holds 1..500 events with consecutive sequence numbers and fits in the
// sync body limit (413 beyond it); the acknowledgement of a batch is the same
// every time it is sent; a gap is a 409 that names the expected sequence
// number; nothing is applied unless the whole batch is (storage/sync-push.ts).
import { z } from 'zod';
import { ApiError } from '../errors.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import { QUARANTINE_REASONS, type IncomingEvent, type QuarantinePlace } from '../storage/types.js';
import { programRefOf } from '../sync/program-lookup.js';
import { auditFor } from './audit.js';
import { epochMs, queryInteger, uuid } from './fields.js';
import { defineRoute, rolesOnly, type RouteContext, type Actor } from './route.js';

/** The version of the push format; a device sending another one gets unsupported_sync_version. */
export const SYNC_PROTOCOL_VERSION = 1;

const PULL_PAGE_SIZE = 20;
const QUARANTINE_PAGE_SIZE = 100;
const QUARANTINE_MAX_PAGE_SIZE = 500;

const sequenceNumber = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

const sessionId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/u, {
  error: 'must be 1 to 64 letters, digits, "-" or "_"',
});

const incomingEvent = z.strictObject({
  seq: sequenceNumber,
  sessionId,
  /** The event's position in its session's log, from 0. */
  index: z.number().int().min(0).max(1_000_000),
  /** Checked against core's event schema by the server; quarantined when it fails. */
  event: z.record(z.string(), z.unknown()),
});

const pushBody = z.strictObject({
  syncVersion: z.number().int(),
  deviceId: uuid,
  /** The account whose log this is: it must be the signed-in client. */
  clientId: uuid,
  events: z.array(incomingEvent).min(1).max(DEFAULT_SETTINGS.syncMaxEventsPerBatch),
});

const acknowledgementView = z.object({
  deviceId: z.string(),
  throughSeq: z.number().int(),
  nextSeq: z.number().int(),
  accepted: z.number().int(),
  quarantined: z.array(
    z.object({
      seq: z.number().int(),
      reason: z.enum(QUARANTINE_REASONS),
      problems: z.array(z.string()),
    }),
  ),
});

type Context = RouteContext<unknown, unknown, unknown> & { actor: Actor };

async function refuse(
  context: Context,
  code: 'device_taken' | 'session_taken' | 'sync_wrong_account',
  detail: Record<string, unknown>,
): Promise<never> {
  await auditFor(context.services, context.request, context.actor).denied(code, detail);
  throw new ApiError(code);
}

/** Problems with the order of a batch's sequence numbers, if any. */
function sequenceProblems(events: readonly IncomingEvent[]): string[] {
  const first = events[0]?.seq ?? 1;
  const position = events.findIndex((incoming, offset) => incoming.seq !== first + offset);
  if (position === -1) return [];
  return [
    `body.events[${position}].seq must be ${first + position} (one more than the one before)`,
  ];
}

export const pushRoute = defineRoute({
  id: 'syncPush',
  method: 'POST',
  url: '/api/sync/push',
  summary:
    'Send a batch of your device’s session events (1 to 500, consecutive sequence numbers, ' +
    'at most 1 MiB); sending it again is safe',
  tag: 'sync',
  access: rolesOnly('client'),
  target: 'none',
  body: pushBody,
  bodyLimit: (settings) => settings.syncBodyLimitBytes,
  success: {
    status: 200,
    schema: acknowledgementView,
    description: 'Every event of the batch is stored or quarantined; send nextSeq next',
  },
  errors: [
    'unsupported_sync_version',
    'sync_wrong_account',
    'device_taken',
    'session_taken',
    'sync_gap',
  ],
  async handle(context) {
    const { body, actor, services } = context;
    if (body.syncVersion !== SYNC_PROTOCOL_VERSION) {
      throw new ApiError('unsupported_sync_version', { supportedVersion: SYNC_PROTOCOL_VERSION });
    }
    if (body.clientId !== actor.accountId) {
      await refuse(context, 'sync_wrong_account', { clientId: body.clientId });
    }
    const problems = sequenceProblems(body.events);
    if (body.events.length > services.settings.syncMaxEventsPerBatch) {
      problems.push(`body.events must hold at most ${services.settings.syncMaxEventsPerBatch}`);
    }
    if (problems.length > 0) throw new ApiError('bad_request', { problems });
    const result = await services.storage.sync.push(
      {
        clinicId: actor.clinicId,
        clientId: actor.accountId,
        deviceId: body.deviceId,
        events: body.events,
      },
      services.now(),
    );
    switch (result.kind) {
      case 'acknowledged':
        return result.acknowledgement;
      case 'gap':
        throw new ApiError('sync_gap', { expectedSeq: result.expectedSeq });
      case 'device-taken':
        return refuse(context, 'device_taken', { deviceId: body.deviceId });
      case 'session-taken':
        return refuse(context, 'session_taken', { sessionIds: result.sessionIds });
    }
  },
});

export const syncStatusRoute = defineRoute({
  id: 'syncStatus',
  method: 'GET',
  url: '/api/sync/status',
  summary: 'Where your device stands: the sequence number the server expects next',
  tag: 'sync',
  access: rolesOnly('client'),
  target: 'none',
  query: z.strictObject({ deviceId: uuid }),
  success: {
    status: 200,
    schema: z.object({ deviceId: z.string(), nextSeq: z.number().int() }),
    description: 'nextSeq is 1 for a device the server has not seen',
  },
  errors: ['device_taken'],
  async handle(context) {
    const { actor, query, services } = context;
    const cursor = await services.storage.sync.cursor(
      actor.clinicId,
      actor.accountId,
      query.deviceId,
    );
    if (cursor.kind === 'device-taken') {
      return refuse(context, 'device_taken', { deviceId: query.deviceId });
    }
    return { deviceId: query.deviceId, nextSeq: cursor.nextSeq };
  },
});

export const pullRoute = defineRoute({
  id: 'syncPull',
  method: 'GET',
  url: '/api/sync/pull',
  summary: 'The program versions your therapist assigned after the version you already have',
  tag: 'sync',
  access: rolesOnly('client'),
  target: 'none',
  query: z.strictObject({ since: queryInteger.optional() }),
  success: {
    status: 200,
    schema: z.object({
      programs: z.array(
        z.object({
          /** What a session of this version names as its program: {id, version}. */
          id: z.string(),
          version: z.number().int(),
          /** The program document (core's program schema); the device checks it. */
          program: z.unknown(),
          createdAt: epochMs,
        }),
      ),
      /** Pass as `since` next time. */
      cursor: z.number().int(),
      /** More versions wait: pull again with the new cursor. */
      more: z.boolean(),
    }),
    description: `Oldest first, at most ${PULL_PAGE_SIZE}`,
  },
  errors: [],
  async handle({ actor, query, services }) {
    const since = Number(query.since ?? '0');
    const found = await services.storage.sync.programVersionsAfter(
      actor.clinicId,
      actor.accountId,
      since,
      PULL_PAGE_SIZE + 1,
    );
    const programs = found.slice(0, PULL_PAGE_SIZE);
    return {
      programs: programs.map(({ version, protocol, createdAt }) => ({
        ...programRefOf(actor.accountId, version),
        program: protocol,
        createdAt,
      })),
      cursor: programs.at(-1)?.version ?? since,
      more: found.length > PULL_PAGE_SIZE,
    };
  },
});

/** A page's `next`: where its last event stands, as receivedAt.deviceId.seq. */
const QUARANTINE_PLACE = /^(\d{1,15})\.([0-9a-f-]{36})\.(\d{1,15})$/u;

function nextOf(event: QuarantinePlace): string {
  return `${event.receivedAt}.${event.deviceId}.${event.seq}`;
}

function placeOf(next: string): QuarantinePlace {
  const [, receivedAt = '0', deviceId = '', seq = '0'] = QUARANTINE_PLACE.exec(next) ?? [];
  return { receivedAt: Number(receivedAt), deviceId, seq: Number(seq) };
}

export const quarantineRoute = defineRoute({
  id: 'syncQuarantine',
  method: 'GET',
  url: '/api/sync/quarantine',
  summary: 'Your events the server could not accept, with the reason for each',
  tag: 'sync',
  access: rolesOnly('client'),
  target: 'none',
  query: z.strictObject({
    limit: queryInteger.optional(),
    /** The `next` of the page before, to read on into older events. */
    after: z
      .string()
      .regex(QUARANTINE_PLACE, { error: 'must be the next of an earlier page' })
      .optional(),
  }),
  success: {
    status: 200,
    schema: z.object({
      /** Pass as `after` for the page that follows; null on the last page. */
      next: z.string().nullable(),
      events: z.array(
        z.object({
          deviceId: z.string(),
          seq: z.number().int(),
          sessionId: z.string(),
          index: z.number().int(),
          reason: z.enum(QUARANTINE_REASONS),
          problems: z.array(z.string()),
          payload: z.unknown(),
          clientAt: z.number().int().nullable(),
          receivedAt: epochMs,
        }),
      ),
    }),
    description:
      `Newest first, ${QUARANTINE_PAGE_SIZE} unless a limit (up to ` +
      `${QUARANTINE_MAX_PAGE_SIZE}) is given; older ones with after=next`,
  },
  errors: [],
  async handle({ actor, query, services }) {
    const asked = query.limit === undefined ? QUARANTINE_PAGE_SIZE : Number(query.limit);
    const limit = Math.min(Math.max(asked, 1), QUARANTINE_MAX_PAGE_SIZE);
    const after = query.after === undefined ? undefined : placeOf(query.after);
    // One more than the page, to know whether another follows.
    const found = await services.storage.sync.quarantine(
      actor.clinicId,
      actor.accountId,
      limit + 1,
      after,
    );
    const events = found.slice(0, limit);
    const last = events.at(-1);
    const next = found.length > limit && last !== undefined ? nextOf(last) : null;
    return { next, events };
  },
});
