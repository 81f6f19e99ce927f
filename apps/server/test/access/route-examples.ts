// One example request per route of the route table, keyed by route id: the
// body and query an allowed caller would send, valid for the route's
// schemas, made for a given scene (and the scene readied for it when the
// route needs a state, such as a server not yet set up). The access tests
// require an entry for every route, so a new route is tested from the day it
// is added: add its entry here. Invariants: an example's body and query pass
// the route's own schemas (checked by access-matrix.test.ts); the example
// alone, sent by an allowed caller, gets the route's success status.
import { randomUUID } from 'node:crypto';
import { findBuiltinProtocol, type Protocol } from '@glutewake/core';
import { SYNC_PROTOCOL_VERSION } from '../../src/api/sync-routes.js';
import type { Account } from '../../src/storage/types.js';
import { uniqueEmail } from '../support/fixtures.js';
import { sessionLog } from '../support/sync.js';
import { accountWithKnownPassword, KNOWN_PASSWORD, type Scene } from './scene.js';

export interface ExampleRequest {
  body?: unknown;
  query?: Record<string, string>;
  /** Path parameters, when the route's `target` alone cannot fill them. */
  params?: Record<string, string>;
}

export interface RouteExample {
  request(scene: Scene, caller: Account | null): ExampleRequest | Promise<ExampleRequest>;
}

const nothingToSend: RouteExample = { request: () => ({}) };

function builtinSqueezes(): Protocol {
  const protocol = findBuiltinProtocol('prone-ankle-squeeze');
  if (protocol === null) throw new Error('the built-in prone-ankle-squeeze protocol is missing');
  return structuredClone(protocol);
}

/** A new entry in the library of the caller's clinic (North's, for a caller who is not staff). */
async function libraryEntryOfCaller(scene: Scene, caller: Account | null): Promise<string> {
  const staff = caller !== null && caller.role !== 'client' ? caller : scene.north.therapist;
  const entryId = randomUUID();
  const now = scene.server.clock.now();
  await scene.storage.library.add(staff.clinicId, {
    entryId,
    basedOn: 'prone-ankle-squeeze',
    revision: 1,
    protocol: builtinSqueezes(),
    createdAt: now,
    createdBy: staff.id,
    updatedAt: now,
    updatedBy: staff.id,
  });
  return entryId;
}

export const ROUTE_EXAMPLES: Readonly<Record<string, RouteExample>> = {
  getHealth: nothingToSend,
  getOpenApi: nothingToSend,
  getSetup: nothingToSend,
  setUpServer: {
    async request(scene) {
      // A server nobody has set up yet: the only state in which setup succeeds.
      await scene.server.database().handle.kysely.deleteFrom('server_setup').execute();
      return {
        body: {
          clinicName: 'Glute Lab',
          displayName: 'Dana Owner',
          email: uniqueEmail('setup'),
          password: KNOWN_PASSWORD,
        },
      };
    },
  },
  signIn: {
    async request(scene) {
      const account = await accountWithKnownPassword(scene);
      return { body: { email: account.email, password: KNOWN_PASSWORD } };
    },
  },
  signOut: nothingToSend,
  getMe: nothingToSend,
  setSharing: {
    request: () => ({ body: { history: 'from-joining', symptoms: true, notes: false } }),
  },
  createInvitation: { request: () => ({ body: { kind: 'client', nameHint: 'Robin' } }) },
  listInvitations: nothingToSend,
  revokeInvitation: nothingToSend,
  inspectInvitation: { request: (scene) => ({ body: { code: scene.north.invitationCode } }) },
  acceptInvitation: {
    request: (scene) => ({
      body: {
        code: scene.north.invitationCode,
        email: uniqueEmail('joining'),
        password: KNOWN_PASSWORD,
        displayName: 'Robin Joiner',
        sharing: { history: 'all', symptoms: true, notes: false },
      },
    }),
  },
  listClients: nothingToSend,
  getClient: nothingToSend,
  listClientSessions: nothingToSend,
  exportClientFhir: nothingToSend,
  exportClientCsv: { request: () => ({ params: { table: 'sessions.csv' } }) },
  exportClinicCsv: { request: () => ({ params: { table: 'checkins.csv' } }) },
  getClientProgram: nothingToSend,
  listClientProgramVersions: nothingToSend,
  createClientProgramVersion: {
    request: () => ({
      body: {
        expectedVersion: 0,
        basedOn: { source: 'builtin', protocolId: 'prone-ankle-squeeze' },
        adjustments: { holdMs: 1500, wakeUpCapReps: 40 },
        favouredCues: ['fingertips'],
        unlocks: [{ exercise: 'glute-bridge', unlock: 'held' }],
        message: 'Fingertips on the right glute this week.',
      },
    }),
  },
  listClientNotes: nothingToSend,
  addClientNote: {
    request: () => ({ body: { text: 'Right glute joins late; try the fingertips cue.' } }),
  },
  deleteClientNote: {
    // A note of the client's own therapist, which they and the owner may delete.
    async request(scene) {
      const { clinic, client, therapist } = scene.north;
      const noteId = randomUUID();
      await scene.storage.notes.add(clinic.id, {
        noteId,
        clientId: client.id,
        authorId: therapist.id,
        text: 'Seen on Tuesday.',
        createdAt: scene.server.clock.now(),
      });
      return { params: { noteId } };
    },
  },
  listProtocolLibrary: nothingToSend,
  copyProtocolIntoLibrary: {
    request: () => ({
      body: { copyOf: 'prone-ankle-squeeze', name: 'Ankle squeezes, gentle start' },
    }),
  },
  editLibraryProtocol: {
    // An entry of the caller's own clinic's library (the library is the caller's own thing).
    async request(scene, caller) {
      const entryId = await libraryEntryOfCaller(scene, caller);
      return {
        params: { entryId },
        body: {
          expectedRevision: 1,
          protocol: { ...builtinSqueezes(), name: 'Our ankle squeezes' },
        },
      };
    },
  },
  removeLibraryProtocol: {
    async request(scene, caller) {
      return { params: { entryId: await libraryEntryOfCaller(scene, caller) } };
    },
  },
  listStaff: nothingToSend,
  removeTherapist: nothingToSend,
  disableAccount: nothingToSend,
  listAudit: { request: () => ({ query: { limit: '50' } }) },
  syncPush: {
    // A new device's first batch: the first events of one session, numbered from 1.
    request(scene, caller) {
      const { sessionId, events } = sessionLog();
      return {
        body: {
          syncVersion: SYNC_PROTOCOL_VERSION,
          deviceId: randomUUID(),
          clientId: caller?.id ?? scene.north.client.id,
          events: events.slice(0, 3).map((event, index) => ({
            seq: index + 1,
            sessionId,
            index,
            event,
          })),
        },
      };
    },
  },
  syncStatus: { request: () => ({ query: { deviceId: randomUUID() } }) },
  syncPull: { request: () => ({ query: { since: '0' } }) },
  syncQuarantine: { request: () => ({ query: { limit: '10' } }) },
};

/** The example of a route, or an error that says where to add it. */
export function exampleOf(routeId: string): RouteExample {
  const example = ROUTE_EXAMPLES[routeId];
  if (example === undefined) {
    throw new Error(
      `The route "${routeId}" has no example request: add one to ROUTE_EXAMPLES in ` +
        'apps/server/test/access/route-examples.ts, so the access tests can call it.',
    );
  }
  return example;
}
