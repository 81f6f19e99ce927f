// Storage contract, part two: invitations (single use, expiry, revocation)
// and the audit log (append-only, per clinic) with sign-in attempts reserved
// against their limits, one by one and all at once.
// The same tests run on SQLite and on PostgreSQL.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { inClinic } from '../../src/db/tenancy.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AlreadyExistsError,
  type Invitation,
  type NewAuditEntry,
  type Storage,
} from '../../src/storage/types.js';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '../support/backends.js';
import { TEST_START } from '../support/clock.js';
import { clinicWorld, newAccount, type ClinicWorld } from '../support/fixtures.js';

const DAY = 86_400_000;

function clientInvitation(world: ClinicWorld, overrides: Partial<Invitation> = {}): Invitation {
  return {
    id: randomUUID(),
    clinicId: world.clinic.id,
    kind: 'client',
    createdBy: world.therapist.id,
    therapistId: world.therapist.id,
    nameHint: 'Sam',
    createdAt: TEST_START,
    expiresAt: TEST_START + 7 * DAY,
    usedAt: null,
    usedBy: null,
    revokedAt: null,
    ...overrides,
  };
}

function entry(clinicId: string | null, kind: string, at = TEST_START): NewAuditEntry {
  return { at, clinicId, actorId: null, subjectId: null, kind, address: '192.0.2.1', detail: null };
}

describeEachBackend('storage contract: invitations and audit', (backend) => {
  let database: TestDatabase;
  let storage: Storage;
  beforeAll(async () => {
    database = await createTestDatabase(backend);
    storage = database.storage;
  });
  afterAll(async () => database?.drop());

  /** Accepting `invitation` as a new client of the world's therapist is refused, and no account made. */
  const expectToOpenNothing = async (world: ClinicWorld, invitation: Invitation, at: number) => {
    const client = newAccount(world.clinic.id, 'client', {
      therapistId: world.therapist.id,
      createdAt: at,
    });
    expect(await storage.invitations.accept(invitation.id, client)).toBe(false);
    expect(await storage.accounts.get(world.clinic.id, client.id)).toBeNull();
  };

  describe('invitations', () => {
    it('finds an invitation by its code hash and lets it be used once', async () => {
      const world = await clinicWorld(storage);
      const invitation = clientInvitation(world);
      const codeHash = `code-${invitation.id}`;
      await storage.invitations.create(invitation, codeHash);
      expect(await storage.invitations.findByCode(codeHash)).toEqual(invitation);

      const first = newAccount(world.clinic.id, 'client', {
        therapistId: world.therapist.id,
        createdAt: TEST_START + 1000,
      });
      expect(await storage.invitations.accept(invitation.id, first)).toBe(true);
      const second = newAccount(world.clinic.id, 'client', { createdAt: TEST_START + 2000 });
      expect(await storage.invitations.accept(invitation.id, second)).toBe(false);
      expect(await storage.accounts.get(world.clinic.id, second.id)).toBeNull();
      expect(await storage.invitations.get(world.clinic.id, invitation.id)).toMatchObject({
        usedAt: TEST_START + 1000,
        usedBy: first.id,
      });
    });

    for (const leaving of ['disabled', 'removed'] as const) {
      it(`revokes what a therapist ${leaving} left pending: their codes open nothing`, async () => {
        const world = await clinicWorld(storage);
        const theirOwn = clientInvitation(world);
        const givingClientsToThem = clientInvitation(world, { createdBy: world.owner.id });
        const someoneElses = clientInvitation(world, {
          createdBy: world.owner.id,
          therapistId: world.otherTherapist.id,
        });
        for (const invitation of [theirOwn, givingClientsToThem, someoneElses]) {
          await storage.invitations.create(invitation, `code-${invitation.id}`);
        }
        const at = TEST_START + 500;
        if (leaving === 'disabled') {
          await storage.accounts.disable(world.clinic.id, world.therapist.id, at);
        } else {
          await storage.accounts.removeTherapist(
            world.clinic.id,
            world.therapist.id,
            world.owner.id,
            at,
          );
        }
        for (const invitation of [theirOwn, givingClientsToThem]) {
          expect(await storage.invitations.get(world.clinic.id, invitation.id)).toMatchObject({
            revokedAt: at,
          });
          await expectToOpenNothing(world, invitation, at + 1);
        }
        expect(await storage.invitations.get(world.clinic.id, someoneElses.id)).toMatchObject({
          revokedAt: null,
        });
      });
    }

    it('gives no client to a therapist who is no longer active, even by a pending code', async () => {
      // The moment between a disable and its revocation, held open.
      const world = await clinicWorld(storage);
      const invitation = clientInvitation(world);
      await storage.invitations.create(invitation, `code-${invitation.id}`);
      await inClinic(database.handle, world.clinic.id, (trx) =>
        trx
          .updateTable('accounts')
          .set({ status: 'disabled' })
          .where('clinic_id', '=', world.clinic.id)
          .where('id', '=', world.therapist.id)
          .execute(),
      );
      await expectToOpenNothing(world, invitation, TEST_START + 1000);
      expect(await storage.invitations.get(world.clinic.id, invitation.id)).toMatchObject({
        usedAt: null,
      });
    });

    it.runIf(backend === 'postgres')(
      'waits for a removal under way, then refuses its code (PostgreSQL: the therapist row is the meeting point)',
      async () => {
        const world = await clinicWorld(storage);
        const invitation = clientInvitation(world);
        await storage.invitations.create(invitation, `code-${invitation.id}`);
        const client = newAccount(world.clinic.id, 'client', {
          therapistId: world.therapist.id,
          createdAt: TEST_START + 1000,
        });
        let accepting: Promise<boolean> | null = null;
        let settledWhileRemoving = false;
        // A removal's first step, its transaction held open while the accept arrives.
        await inClinic(database.handle, world.clinic.id, async (trx) => {
          await trx
            .updateTable('accounts')
            .set({ status: 'removed' })
            .where('clinic_id', '=', world.clinic.id)
            .where('id', '=', world.therapist.id)
            .execute();
          accepting = storage.invitations.accept(invitation.id, client);
          void accepting.then(() => {
            settledWhileRemoving = true;
          });
          await new Promise((resolve) => setTimeout(resolve, 200));
          expect(settledWhileRemoving, 'the accept did not wait for the removal').toBe(false);
        });
        expect(await accepting).toBe(false);
        expect(await storage.accounts.get(world.clinic.id, client.id)).toBeNull();
      },
    );

    it('refuses an expired or revoked invitation', async () => {
      const world = await clinicWorld(storage);
      const expired = clientInvitation(world, { expiresAt: TEST_START + 10 });
      await storage.invitations.create(expired, `code-${expired.id}`);
      const late = newAccount(world.clinic.id, 'client', { createdAt: TEST_START + 10 });
      expect(await storage.invitations.accept(expired.id, late)).toBe(false);

      const revoked = clientInvitation(world);
      await storage.invitations.create(revoked, `code-${revoked.id}`);
      await storage.invitations.revoke(world.clinic.id, revoked.id, TEST_START + 5);
      const account = newAccount(world.clinic.id, 'client', { createdAt: TEST_START + 6 });
      expect(await storage.invitations.accept(revoked.id, account)).toBe(false);
      expect(await storage.accounts.get(world.clinic.id, account.id)).toBeNull();
    });

    it('leaves the invitation pending when the email is already taken', async () => {
      const world = await clinicWorld(storage);
      const invitation = clientInvitation(world);
      await storage.invitations.create(invitation, `code-${invitation.id}`);
      const clash = newAccount(world.clinic.id, 'client', { email: world.owner.email });
      await expect(storage.invitations.accept(invitation.id, clash)).rejects.toBeInstanceOf(
        AlreadyExistsError,
      );
      expect((await storage.invitations.get(world.clinic.id, invitation.id))?.usedAt).toBeNull();
    });

    it('lists a clinic’s invitations, or one creator’s, and never another clinic’s', async () => {
      const north = await clinicWorld(storage, 'North');
      const south = await clinicWorld(storage, 'South');
      const mine = clientInvitation(north);
      const owners = clientInvitation(north, {
        createdBy: north.owner.id,
        createdAt: TEST_START + 1,
      });
      const theirs = clientInvitation(south);
      for (const invitation of [mine, owners, theirs]) {
        await storage.invitations.create(invitation, `code-${invitation.id}`);
      }
      const all = await storage.invitations.list(north.clinic.id, null);
      expect(all.map((each) => each.id)).not.toContain(theirs.id);
      expect(all.map((each) => each.id)).toEqual(expect.arrayContaining([mine.id, owners.id]));
      const byTherapist = await storage.invitations.list(north.clinic.id, north.therapist.id);
      expect(byTherapist.map((each) => each.id)).toContain(mine.id);
      expect(byTherapist.map((each) => each.id)).not.toContain(owners.id);
      expect(await storage.invitations.get(south.clinic.id, mine.id)).toBeNull();
    });
  });

  describe('audit log', () => {
    it('lists a clinic’s entries newest first, in pages, and nothing of other clinics', async () => {
      const north = await clinicWorld(storage, 'North');
      const south = await clinicWorld(storage, 'South');
      await storage.audit.append([
        entry(north.clinic.id, 'one'),
        entry(south.clinic.id, 'south-only'),
        entry(null, 'no-clinic'),
        entry(north.clinic.id, 'two'),
      ]);
      await storage.audit.append([
        { ...entry(north.clinic.id, 'three'), detail: { route: '/api/x', n: 1 } },
      ]);
      const page = await storage.audit.list(north.clinic.id, { limit: 2 });
      expect(page.map((each) => each.kind)).toEqual(['three', 'two']);
      expect(page[0]?.detail).toEqual({ route: '/api/x', n: 1 });
      const next = await storage.audit.list(north.clinic.id, {
        limit: 10,
        beforeId: page[1]?.id ?? 0,
      });
      expect(next.map((each) => each.kind)).toEqual(['one']);
    });

    it('refuses to change or delete an entry, whoever asks', async () => {
      const world = await clinicWorld(storage);
      await storage.audit.append([entry(world.clinic.id, 'kept')]);
      const { kysely } = database.handle;
      await expect(
        database.handle.kysely.transaction().execute(async (trx) => {
          if (backend === 'postgres') {
            await sql`select set_config('glutewake.clinic_id', ${world.clinic.id}, true)`.execute(
              trx,
            );
          }
          await trx.updateTable('audit_log').set({ kind: 'changed' }).execute();
        }),
      ).rejects.toThrow(/append-only/);
      await expect(kysely.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
      const kinds = (await storage.audit.list(world.clinic.id, { limit: 5 })).map((e) => e.kind);
      expect(kinds).toContain('kept');
    });

    const limits = { since: TEST_START, perAddress: 4, perAccount: 2 };
    let addresses = 0;
    // Documentation addresses of their own, so no two attempts share one by chance.
    const freshAddress = () => `2001:db8::${(addresses += 1).toString(16)}`;

    it('counts each attempt as failed from the moment it is reserved, until it is found right', async () => {
      const address = freshAddress();
      const accountId = randomUUID();
      const first = await storage.audit.reserveSignInAttempt(
        { at: TEST_START, address, accountId },
        limits,
      );
      expect(first.kind).toBe('reserved');
      if (first.kind !== 'reserved') return;
      // The first was right; the next two are not (they are never marked).
      await storage.audit.markSignInAttemptSucceeded(first.id);
      for (const offset of [1000, 2000]) {
        const next = await storage.audit.reserveSignInAttempt(
          { at: TEST_START + offset, address, accountId },
          limits,
        );
        expect(next.kind).toBe('reserved');
      }
      // Two failures at this account: a third attempt there is refused, elsewhere not.
      expect(
        await storage.audit.reserveSignInAttempt(
          { at: TEST_START + 3000, address: freshAddress(), accountId },
          limits,
        ),
      ).toEqual({ kind: 'limited', oldestAt: TEST_START + 1000 });
      const later = { ...limits, since: TEST_START + 1500 };
      expect(
        (
          await storage.audit.reserveSignInAttempt(
            { at: TEST_START + 3000, address, accountId },
            later,
          )
        ).kind,
      ).toBe('reserved');
    });

    it('limits an address over every account, and an unknown email too', async () => {
      const address = freshAddress();
      for (let attempt = 0; attempt < limits.perAddress; attempt++) {
        const reservation = await storage.audit.reserveSignInAttempt(
          { at: TEST_START + attempt, address, accountId: attempt % 2 === 0 ? null : randomUUID() },
          limits,
        );
        expect(reservation.kind).toBe('reserved');
      }
      expect(
        await storage.audit.reserveSignInAttempt(
          { at: TEST_START + 10, address, accountId: null },
          limits,
        ),
      ).toEqual({ kind: 'limited', oldestAt: TEST_START });
    });

    it('lets no more attempts through than the limit when they arrive all at once', async () => {
      const address = freshAddress();
      const accountId = randomUUID();
      const byAccount = await Promise.all(
        Array.from({ length: 12 }, (_, attempt) =>
          storage.audit.reserveSignInAttempt(
            { at: TEST_START + attempt, address: freshAddress(), accountId },
            { ...limits, perAddress: 100 },
          ),
        ),
      );
      expect(byAccount.filter((r) => r.kind === 'reserved')).toHaveLength(limits.perAccount);
      const byAddress = await Promise.all(
        Array.from({ length: 12 }, (_, attempt) =>
          storage.audit.reserveSignInAttempt(
            { at: TEST_START + attempt, address, accountId: null },
            limits,
          ),
        ),
      );
      expect(byAddress.filter((r) => r.kind === 'reserved')).toHaveLength(limits.perAddress);
    });
  });
});
