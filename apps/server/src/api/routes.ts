// The route table: every API route, in the order the OpenAPI document lists
// them. Adding a route here is all it takes to serve it, document it and put
// it through the access-matrix test.
import {
  meRoute,
  setupRoute,
  setupStatusRoute,
  sharingRoute,
  signInRoute,
  signOutRoute,
} from './account-routes.js';
import { clientSessionsRoute, getClientRoute, listClientsRoute } from './client-routes.js';
import {
  clientCsvExportRoute,
  clientFhirExportRoute,
  clinicCsvExportRoute,
} from './export-routes.js';
import {
  acceptInvitationRoute,
  createInvitationRoute,
  inspectInvitationRoute,
  listInvitationsRoute,
  revokeInvitationRoute,
} from './invitation-routes.js';
import { addNoteRoute, deleteNoteRoute, listNotesRoute } from './note-routes.js';
import { openApiDocument } from './openapi.js';
import {
  createProgramVersionRoute,
  getProgramRoute,
  listProgramVersionsRoute,
} from './program-routes.js';
import {
  copyBuiltinRoute,
  editLibraryEntryRoute,
  removeLibraryEntryRoute,
  listLibraryRoute,
} from './protocol-library-routes.js';
import type { Route } from './route.js';
import {
  disableAccountRoute,
  listAuditRoute,
  listStaffRoute,
  removeTherapistRoute,
} from './staff-routes.js';
import { pullRoute, pushRoute, quarantineRoute, syncStatusRoute } from './sync-routes.js';
import { healthRoute, openApiRoute } from './system-routes.js';

export const API_VERSION = '1.0.0';

function buildRouteTable(): readonly Route[] {
  const routes: Route[] = [
    healthRoute,
    setupStatusRoute,
    setupRoute,
    signInRoute,
    signOutRoute,
    meRoute,
    sharingRoute,
    createInvitationRoute,
    listInvitationsRoute,
    revokeInvitationRoute,
    inspectInvitationRoute,
    acceptInvitationRoute,
    listClientsRoute,
    getClientRoute,
    clientSessionsRoute,
    clientFhirExportRoute,
    clientCsvExportRoute,
    clinicCsvExportRoute,
    getProgramRoute,
    listProgramVersionsRoute,
    createProgramVersionRoute,
    listNotesRoute,
    addNoteRoute,
    deleteNoteRoute,
    listLibraryRoute,
    copyBuiltinRoute,
    editLibraryEntryRoute,
    removeLibraryEntryRoute,
    listStaffRoute,
    removeTherapistRoute,
    disableAccountRoute,
    listAuditRoute,
    pushRoute,
    syncStatusRoute,
    pullRoute,
    quarantineRoute,
  ];
  let document: unknown = null;
  routes.push(
    openApiRoute(() => {
      document ??= openApiDocument(routes, API_VERSION);
      return document;
    }),
  );
  return routes;
}

export const routeTable: readonly Route[] = buildRouteTable();
