// What route handlers work with: the storage, the clock, the server's
// settings and the audit trail. Invariants: handlers read time only from
// `now()` (tests move it by hand); audit entries carry the request's address.
import type { Storage } from '../storage/types.js';
import type { ServerSettings } from '../settings.js';

export interface Services {
  storage: Storage;
  now(): number;
  settings: ServerSettings;
}
