// Clinics and people for tests, written straight through the storage
// interface (no password hashing, so building a world takes milliseconds).
// Names read like the domain: a clinic "North", its owner, a therapist, a
// client. Every id is fresh, so many worlds can share one database.
import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/db/database.js';
import {
  SHARE_EVERYTHING,
  type Account,
  type Clinic,
  type NewAccount,
  type Storage,
} from '../../src/storage/types.js';
import { TEST_START } from './clock.js';

export const UNUSABLE_PASSWORD_HASH = 'not-a-password-hash';

let counter = 0;

export function uniqueEmail(label: string): string {
  counter += 1;
  return `${label}.${counter}.${randomUUID().slice(0, 8)}@example.test`;
}

export function newAccount(
  clinicId: string,
  role: Role,
  options: Partial<NewAccount> = {},
): NewAccount {
  return {
    id: randomUUID(),
    clinicId,
    role,
    email: uniqueEmail(role),
    displayName: `${role} ${counter}`,
    passwordHash: UNUSABLE_PASSWORD_HASH,
    therapistId: null,
    sharing: SHARE_EVERYTHING,
    createdAt: TEST_START,
    ...options,
  };
}

export function newClinic(name = 'North'): Clinic {
  return { id: randomUUID(), name, createdAt: TEST_START };
}

/** Creates a clinic with an owner, through an owner invitation (as the admin command does). */
export async function clinicWithOwner(
  storage: Storage,
  name = 'North',
): Promise<{ clinic: Clinic; owner: Account }> {
  const clinic = newClinic(name);
  await storage.clinics.create(clinic);
  const owner = await addAccount(storage, newAccount(clinic.id, 'owner'));
  return { clinic, owner };
}

/** Adds an account by creating and accepting an invitation for it. */
export async function addAccount(storage: Storage, account: NewAccount): Promise<Account> {
  const invitationId = randomUUID();
  await storage.invitations.create(
    {
      id: invitationId,
      clinicId: account.clinicId,
      kind: account.role,
      createdBy: null,
      therapistId: account.therapistId,
      nameHint: null,
      createdAt: account.createdAt,
      expiresAt: account.createdAt + 86_400_000,
      usedAt: null,
      usedBy: null,
      revokedAt: null,
    },
    `code-hash-${invitationId}`,
  );
  const accepted = await storage.invitations.accept(invitationId, account);
  if (!accepted) throw new Error('fixture invitation was not accepted');
  const stored = await storage.accounts.get(account.clinicId, account.id);
  if (stored === null) throw new Error('fixture account was not stored');
  return stored;
}

export interface ClinicWorld {
  clinic: Clinic;
  owner: Account;
  therapist: Account;
  otherTherapist: Account;
  client: Account;
}

/** A clinic with its owner, two therapists and one client of the first therapist. */
export async function clinicWorld(storage: Storage, name = 'North'): Promise<ClinicWorld> {
  const { clinic, owner } = await clinicWithOwner(storage, name);
  const therapist = await addAccount(storage, newAccount(clinic.id, 'therapist'));
  const otherTherapist = await addAccount(storage, newAccount(clinic.id, 'therapist'));
  const client = await addAccount(
    storage,
    newAccount(clinic.id, 'client', { therapistId: therapist.id }),
  );
  return { clinic, owner, therapist, otherTherapist, client };
}
