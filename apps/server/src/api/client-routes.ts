// Staff views of clients: the list (a therapist's own clients, or every
// client of the clinic for the owner) and one client. Invariants: another
// therapist's client, or another clinic's, is a 404 (audited); every read
// of a client's data by staff is audited.
import { z } from 'zod';
import { clientFor } from './access.js';
import { AUDIT_KINDS, auditFor } from './audit.js';
import { uuid } from './fields.js';
import { defineRoute, rolesOnly } from './route.js';
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
    schema: z.object({ clients: z.array(accountView) }),
    description: 'By name',
  },
  errors: [],
  async handle({ actor, services, request }) {
    const therapistId = actor.role === 'owner' ? null : actor.accountId;
    const clients = await services.storage.accounts.listClients(actor.clinicId, therapistId);
    await auditFor(services, request, actor).record(AUDIT_KINDS.clientDataRead, null, {
      view: 'client-list',
      clients: clients.length,
    });
    return { clients: clients.map(accountViewOf) };
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
    await auditFor(context.services, context.request, context.actor).record(
      AUDIT_KINDS.clientDataRead,
      client.id,
      { view: 'client' },
    );
    return accountViewOf(client);
  },
});
