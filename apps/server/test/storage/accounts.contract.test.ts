// Storage contract, part one: setup, clinics, accounts and sessions. The
// same tests run on SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlreadyExistsError, type AuthSession, type Storage } from '../../src/storage/types.js';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '../support/backends.js';
import { TEST_START } from '../support/clock.js';
import {
  addAccount,
  clinicWithOwner,
  clinicWorld,
  newAccount,
  newClinic,
} from '../support/fixtures.js';

function sessionFor(accountId: string, clinicId: string, tokenHash: string): AuthSession {
  return {
    tokenHash,
    accountId,
    clinicId,
    role: 'client',
    createdAt: TEST_START,
    lastSeenAt: TEST_START,
    idleTimeoutMs: 60_000,
    expiresAt: TEST_START + 3_600_000,
  };
}

describeEachBackend('storage contract: accounts', (backend) => {
  let database: TestDatabase;
  let storage: Storage;
  beforeAll(async () => {
    database = await createTestDatabase(backend);
    storage = database.storage;
  });
  afterAll(async () => database?.drop());

  describe('setup', () => {
    it('creates the first clinic and its owner exactly once', async () => {
      expect(await storage.setup.isDone()).toBe(false);
      const clinic = newClinic('First');
      const owner = newAccount(clinic.id, 'owner');
      await storage.setup.createFirstClinic(clinic, owner);
      expect(await storage.setup.isDone()).toBe(true);
      expect(await storage.accounts.findLogin(owner.email)).toEqual({
        accountId: owner.id,
        clinicId: clinic.id,
      });

      const second = newClinic('Second');
      const secondOwner = newAccount(second.id, 'owner');
      await expect(storage.setup.createFirstClinic(second, secondOwner)).rejects.toBeInstanceOf(
        AlreadyExistsError,
      );
      expect(await storage.clinics.get(second.id)).toBeNull();
      expect(await storage.accounts.findLogin(secondOwner.email)).toBeNull();
    });
  });

  describe('clinics and accounts', () => {
    it('stores names verbatim, quotes, markup and emoji included', async () => {
      const name = "Robert'); DROP TABLE clinics;-- <script>alert(1)</script> 🍑";
      const { clinic, owner } = await clinicWithOwner(storage, name);
      expect((await storage.clinics.get(clinic.id))?.name).toBe(name);
      const client = await addAccount(
        storage,
        newAccount(clinic.id, 'client', { displayName: name, therapistId: owner.id }),
      );
      expect(client.displayName).toBe(name);
    });

    it('never returns an account under another clinic', async () => {
      const north = await clinicWorld(storage, 'North');
      const south = await clinicWorld(storage, 'South');
      expect(await storage.accounts.get(north.clinic.id, north.client.id)).toMatchObject({
        id: north.client.id,
        role: 'client',
        therapistId: north.therapist.id,
        status: 'active',
        sharing: { history: 'all', symptoms: true, notes: true },
      });
      expect(await storage.accounts.get(south.clinic.id, north.client.id)).toBeNull();
      expect(await storage.accounts.passwordHashOf(south.clinic.id, north.owner.id)).toBeNull();
      const southClients = await storage.accounts.listClients(south.clinic.id, null);
      expect(southClients.map((account) => account.id)).toEqual([south.client.id]);
    });

    it('lists staff, all clients, or one therapist’s clients', async () => {
      const world = await clinicWorld(storage);
      const another = await addAccount(
        storage,
        newAccount(world.clinic.id, 'client', { therapistId: world.otherTherapist.id }),
      );
      const staff = await storage.accounts.listStaff(world.clinic.id);
      expect(staff.map((account) => account.id).sort()).toEqual(
        [world.owner.id, world.therapist.id, world.otherTherapist.id].sort(),
      );
      const all = await storage.accounts.listClients(world.clinic.id, null);
      expect(all.map((account) => account.id).sort()).toEqual([world.client.id, another.id].sort());
      const mine = await storage.accounts.listClients(world.clinic.id, world.therapist.id);
      expect(mine.map((account) => account.id)).toEqual([world.client.id]);
    });

    it('keeps emails unique across clinics', async () => {
      const north = await clinicWorld(storage, 'North');
      const south = await clinicWithOwner(storage, 'South');
      const clash = newAccount(south.clinic.id, 'therapist', { email: north.client.email });
      await expect(addAccount(storage, clash)).rejects.toBeInstanceOf(AlreadyExistsError);
      expect(await storage.accounts.get(south.clinic.id, clash.id)).toBeNull();
    });

    it('updates what a client shares', async () => {
      const world = await clinicWorld(storage);
      const sharing = { history: 'from-joining', symptoms: false, notes: true } as const;
      await storage.accounts.updateSharing(world.clinic.id, world.client.id, sharing, TEST_START);
      expect((await storage.accounts.get(world.clinic.id, world.client.id))?.sharing).toEqual(
        sharing,
      );
    });
  });

  describe('sessions', () => {
    it('finds, touches forward only, and ends a session', async () => {
      const world = await clinicWorld(storage);
      const session = sessionFor(world.client.id, world.clinic.id, `hash-${world.client.id}`);
      expect(await storage.authSessions.create(session)).toBe(true);
      expect(await storage.authSessions.find(session.tokenHash)).toEqual(session);
      await storage.authSessions.touch(session.tokenHash, TEST_START + 5_000);
      await storage.authSessions.touch(session.tokenHash, TEST_START + 1_000);
      expect((await storage.authSessions.find(session.tokenHash))?.lastSeenAt).toBe(
        TEST_START + 5_000,
      );
      await storage.authSessions.end(session.tokenHash);
      expect(await storage.authSessions.find(session.tokenHash)).toBeNull();
    });

    it('ends every session of an account at once', async () => {
      const world = await clinicWorld(storage);
      const hashes = ['a', 'b', 'c'].map((device) => `${device}-${world.client.id}`);
      for (const hash of hashes) {
        await storage.authSessions.create(sessionFor(world.client.id, world.clinic.id, hash));
      }
      const ownerHash = `owner-${world.owner.id}`;
      await storage.authSessions.create(sessionFor(world.owner.id, world.clinic.id, ownerHash));
      expect(await storage.authSessions.endAllOf(world.client.id)).toBe(3);
      for (const hash of hashes) expect(await storage.authSessions.find(hash)).toBeNull();
      expect(await storage.authSessions.find(ownerHash)).not.toBeNull();
    });

    it('disabling an account ends its sessions in the same step', async () => {
      const world = await clinicWorld(storage);
      const hash = `disable-${world.client.id}`;
      await storage.authSessions.create(sessionFor(world.client.id, world.clinic.id, hash));
      await storage.accounts.disable(world.clinic.id, world.client.id, TEST_START + 1);
      expect((await storage.accounts.get(world.clinic.id, world.client.id))?.status).toBe(
        'disabled',
      );
      expect(await storage.authSessions.find(hash)).toBeNull();
    });

    it('stores no session for an account that is no longer active', async () => {
      const world = await clinicWorld(storage);
      await storage.accounts.disable(world.clinic.id, world.client.id, TEST_START + 1);
      const hash = `late-${world.client.id}`;
      expect(
        await storage.authSessions.create(sessionFor(world.client.id, world.clinic.id, hash)),
      ).toBe(false);
      expect(await storage.authSessions.find(hash)).toBeNull();
    });

    it('leaves no session alive when a sign-in and a disable happen at the same moment', async () => {
      for (let round = 0; round < 5; round++) {
        const world = await clinicWorld(storage);
        const hash = `racing-${round}-${world.client.id}`;
        const [created] = await Promise.all([
          storage.authSessions.create(sessionFor(world.client.id, world.clinic.id, hash)),
          storage.accounts.disable(world.clinic.id, world.client.id, TEST_START + 1),
        ]);
        expect(typeof created).toBe('boolean');
        expect(await storage.authSessions.find(hash)).toBeNull();
      }
    });

    it('removing a therapist moves their clients, revokes their invitations, ends sessions', async () => {
      const world = await clinicWorld(storage);
      const hash = `remove-${world.therapist.id}`;
      await storage.authSessions.create(sessionFor(world.therapist.id, world.clinic.id, hash));
      const invitationId = crypto.randomUUID();
      await storage.invitations.create(
        {
          id: invitationId,
          clinicId: world.clinic.id,
          kind: 'client',
          createdBy: world.therapist.id,
          therapistId: world.therapist.id,
          nameHint: null,
          createdAt: TEST_START,
          expiresAt: TEST_START + 86_400_000,
          usedAt: null,
          usedBy: null,
          revokedAt: null,
        },
        `hash-${invitationId}`,
      );
      await storage.accounts.removeTherapist(
        world.clinic.id,
        world.therapist.id,
        world.owner.id,
        TEST_START + 10,
      );
      expect((await storage.accounts.get(world.clinic.id, world.therapist.id))?.status).toBe(
        'removed',
      );
      expect((await storage.accounts.get(world.clinic.id, world.client.id))?.therapistId).toBe(
        world.owner.id,
      );
      expect((await storage.invitations.get(world.clinic.id, invitationId))?.revokedAt).toBe(
        TEST_START + 10,
      );
      expect(await storage.authSessions.find(hash)).toBeNull();
    });
  });
});
