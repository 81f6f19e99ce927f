// Staff views of clients: the list (a therapist's own clients, or every
// client of the clinic for the owner) with each client's figures at a
// glance, one client, and one client's timeline of sessions. Invariants:
// another therapist's client, or another clinic's, is a 404 (audited); every
// read of a client's data by staff is audited; figures and sessions carry
// only what the client shares; the figures come from the summaries and
// statistics sync maintains, never from the raw events.
import { z } from 'zod';
import { clientFor } from './access.js';
import { AUDIT_KINDS, auditClientRead, auditFor } from './audit.js';
import { uuid } from './fields.js';
import { defineRoute, rolesOnly } from './route.js';
import { caseloadFigures, CASELOAD_WINDOW_MS } from '../sync/caseload.js';
import { sessionsSharedWithStaff } from '../sync/shared-with-staff.js';
import type { RecentSession } from '../storage/types.js';
import {
  clientWithFiguresView,
  timelineSessionView,
  timelineSessionViewOf,
} from './caseload-views.js';
import { accountView, accountViewOf } from './views.js';

export const listClientsRoute = defineRoute({
  id: 'listClients',
  method: 'GET',
  url: '/api/clients',
  summary: 'Your clients (the owner sees every client of the clinic)',
  tag: 'clients',
  access: rolesOnly('owner', 'therapist'),
  target: 'none',
  success: {
    status: 200,
    schema: z.object({ clients: z.array(clientWithFiguresView) }),
    description: 'By name, each with their figures at a glance',
  },
  errors: [],
  async handle(context) {
    const { actor, services } = context;
    const therapistId = actor.role === 'owner' ? null : actor.accountId;
    const clients = await services.storage.accounts.listClients(actor.clinicId, therapistId);
    const ids = clients.map((client) => client.id);
    const now = services.now();
    const [statistics, recent] = await Promise.all([
      services.storage.sync.statisticsOf(actor.clinicId, ids),
      services.storage.sync.recentSessions(actor.clinicId, ids, now - CASELOAD_WINDOW_MS),
    ]);
    const byClient = new Map<string, RecentSession[]>();
    for (const session of recent) {
      const sessions = byClient.get(session.clientId);
      if (sessions === undefined) byClient.set(session.clientId, [session]);
      else sessions.push(session);
    }
    // Each client's figures were read: one entry each (so the owner finds the
    // read under that client), and one for the list as a whole.
    await auditFor(services, context.request, actor).recordEach(AUDIT_KINDS.clientDataRead, ids, {
      view: 'client-list',
    });
    await auditClientRead(context, null, 'client-list', { clients: clients.length });
    return {
      clients: clients.map((client, i) => {
        const shared = sessionsSharedWithStaff(
          byClient.get(client.id) ?? [],
          client.sharing,
          client.createdAt,
        );
        const stats = statistics[i] ?? { ...EMPTY_STATISTICS, clientId: client.id };
        return {
          ...accountViewOf(client),
          figures: caseloadFigures(shared, stats, client.createdAt, now),
        };
      }),
    };
  },
});

export const getClientRoute = defineRoute({
  id: 'getClient',
  method: 'GET',
  url: '/api/clients/:clientId',
  summary: 'One of your clients',
  tag: 'clients',
  access: rolesOnly('owner', 'therapist'),
  target: 'client',
  params: z.strictObject({ clientId: uuid }),
  success: { status: 200, schema: accountView, description: 'The client' },
  errors: ['not_found'],
  async handle(context) {
    const client = await clientFor(context, context.params.clientId);
    await auditClientRead(context, client.id, 'client');
    return accountViewOf(client);
  },
});

const EMPTY_STATISTICS = {
  sessionsCount: 0,
  endedSessionsCount: 0,
  lastSessionAt: null,
  eventsCount: 0,
  quarantinedCount: 0,
  lastSyncedAt: null,
};

export const clientSessionsRoute = defineRoute({
  id: 'listClientSessions',
  method: 'GET',
  url: '/api/clients/:clientId/sessions',
  summary: 'One of your clients’ sessions, newest first, as far as they share them',
  tag: 'clients',
  access: rolesOnly('owner', 'therapist'),
  target: 'client',
  params: z.strictObject({ clientId: uuid }),
  success: {
    status: 200,
    schema: z.object({ sessions: z.array(timelineSessionView) }),
    description: 'Newest first',
  },
  errors: ['not_found'],
  async handle(context) {
    const client = await clientFor(context, context.params.clientId);
    const { services, actor } = context;
    const sessions = await services.storage.sync.sessionSummaries(actor.clinicId, client.id);
    await auditClientRead(context, client.id, 'client-sessions');
    const shared = sessionsSharedWithStaff(sessions, client.sharing, client.createdAt);
    return { sessions: shared.map(timelineSessionViewOf) };
  },
});
