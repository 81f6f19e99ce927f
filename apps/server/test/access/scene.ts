// The world the access tests act in: clinic North, with its owner, two
// therapists, a client of the first and a client of the second, and a
// pending invitation the first therapist made; clinic South, with its owner.
// Each caller of the access matrix is one of these people (or nobody), with
// a signed-in session of their own. Invariants: every scene is fresh (new
// ids, new sessions), so a test may disable, remove or sign out anyone in it
// without touching another test; sessions start at the test clock's now.
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../src/auth/passwords.js';
import { invitationCodeHash, newInvitationCode } from '../../src/auth/tokens.js';
import type { Role } from '../../src/db/database.js';
import type { Account, Clinic, Invitation, Storage } from '../../src/storage/types.js';
import { addAccount, clinicWithOwner, clinicWorld, newAccount } from '../support/fixtures.js';
import { cookieFor } from '../support/requests.js';
import type { TestApp } from '../support/test-app.js';

/** The people who call every route in the access matrix: how tests name them, and their role. */
export const CALLERS = {
  owner: { named: 'the clinic’s owner', role: 'owner' },
  otherTherapist: { named: 'another therapist of the clinic', role: 'therapist' },
  ownTherapist: { named: 'the client’s own therapist', role: 'therapist' },
  foreignStaff: { named: 'the owner of another clinic', role: 'owner' },
  client: { named: 'the client', role: 'client' },
  otherClient: { named: 'another client of the clinic', role: 'client' },
  anonymous: { named: 'someone not signed in', role: null },
} as const satisfies Record<string, { named: string; role: Role | null }>;

export type CallerName = keyof typeof CALLERS;

export const CALLER_NAMES = Object.keys(CALLERS) as CallerName[];

/** The password of the accounts a scene makes for signing in for real. */
export const KNOWN_PASSWORD = 'correct horse battery staple';

let knownPasswordHash: Promise<string> | null = null;

/** The argon2id hash of KNOWN_PASSWORD, computed once per test file. */
export function knownPasswordHashOnce(): Promise<string> {
  knownPasswordHash ??= hashPassword(KNOWN_PASSWORD);
  return knownPasswordHash;
}

export interface NorthClinic {
  clinic: Clinic;
  owner: Account;
  /** The client's own therapist. */
  therapist: Account;
  otherTherapist: Account;
  /** The client whose id the matrix asks for: a client of `therapist`. */
  client: Account;
  /** A client of `otherTherapist`. */
  otherClient: Account;
  /** Pending, made by `therapist` to invite a client of theirs. */
  invitation: Invitation;
  invitationCode: string;
}

export interface Scene {
  server: TestApp;
  storage: Storage;
  north: NorthClinic;
  south: { clinic: Clinic; owner: Account };
  /** Who each caller is (null for someone not signed in). */
  accountOf(caller: CallerName): Account | null;
  /** The Cookie header of each caller's session (null for someone not signed in). */
  cookieOf(caller: CallerName): string | null;
}

async function pendingInvitationBy(
  storage: Storage,
  therapist: Account,
  now: number,
): Promise<{ invitation: Invitation; code: string }> {
  const invitation: Invitation = {
    id: randomUUID(),
    clinicId: therapist.clinicId,
    kind: 'client',
    createdBy: therapist.id,
    therapistId: therapist.id,
    nameHint: 'Robin',
    createdAt: now,
    expiresAt: now + 86_400_000,
    usedAt: null,
    usedBy: null,
    revokedAt: null,
  };
  const code = newInvitationCode();
  await storage.invitations.create(invitation, invitationCodeHash(code));
  return { invitation, code };
}

export async function newScene(server: TestApp): Promise<Scene> {
  const storage = server.storage();
  const now = server.clock.now();
  const world = await clinicWorld(storage, 'North');
  const otherClient = await addAccount(
    storage,
    newAccount(world.clinic.id, 'client', { therapistId: world.otherTherapist.id }),
  );
  const { invitation, code } = await pendingInvitationBy(storage, world.therapist, now);
  const south = await clinicWithOwner(storage, 'South');
  const accounts: Record<CallerName, Account | null> = {
    owner: world.owner,
    otherTherapist: world.otherTherapist,
    ownTherapist: world.therapist,
    foreignStaff: south.owner,
    client: world.client,
    otherClient,
    anonymous: null,
  };
  const cookies = new Map<CallerName, string>();
  for (const caller of CALLER_NAMES) {
    const account = accounts[caller];
    if (account !== null) cookies.set(caller, await cookieFor(storage, account, now));
  }
  return {
    server,
    storage,
    north: { ...world, otherClient, invitation, invitationCode: code },
    south,
    accountOf: (caller) => accounts[caller],
    cookieOf: (caller) => cookies.get(caller) ?? null,
  };
}

/** An account of North that can sign in with KNOWN_PASSWORD (a client of its first therapist). */
export async function accountWithKnownPassword(scene: Scene): Promise<Account> {
  return addAccount(
    scene.storage,
    newAccount(scene.north.clinic.id, 'client', {
      passwordHash: await knownPasswordHashOnce(),
      therapistId: scene.north.therapist.id,
    }),
  );
}

/** The clinic's audit log, oldest first. */
export async function auditLogOf(storage: Storage, clinicId: string) {
  return (await storage.audit.list(clinicId, { limit: 500 })).reverse();
}
