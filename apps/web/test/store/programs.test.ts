// The device's archive of program versions: which one is current for the
// account this device syncs for, and how a session that names a program
// version folds with exactly that version's protocol (and only with it),
// while a session without a program folds with the built-ins.
import { findBuiltinProtocol, type Protocol } from '@glutewake/core';
import { buildProgram } from '@glutewake/core/validation';
import { describe, expect, it } from 'vitest';
import {
  archiveLookup,
  currentProgram,
  type KeptProgram,
  type ProgramArchive,
} from '../../src/store/programs.js';

const squeezes = findBuiltinProtocol('prone-ankle-squeeze') as Protocol;
const ACCOUNT = 'a8f3c0de-5b1f-4a57-9d0e-1c2b3a4d5e6f';

function kept(accountId: string, version: number, holdMs: number): KeptProgram {
  const built = buildProgram({
    basedOn: { source: 'builtin', id: squeezes.id, revision: squeezes.version },
    base: squeezes,
    adjustments: { holdMs },
    favouredCues: [],
    unlocks: {},
    message: null,
  });
  if (!built.ok) throw new Error(built.problems.join('; '));
  return { ref: { id: accountId, version }, program: built.value, createdAt: version * 1000 };
}

const archiveOf = (...programs: KeptProgram[]): ProgramArchive =>
  Object.fromEntries(programs.map((each) => [`${each.ref.id}@${each.ref.version}`, each]));

describe('the current program', () => {
  it('is the newest version for the account, whatever order the archive holds them in', () => {
    const archive = archiveOf(
      kept(ACCOUNT, 3, 1500),
      kept(ACCOUNT, 1, 2000),
      kept(ACCOUNT, 2, 1000),
    );
    expect(currentProgram(archive, ACCOUNT)?.ref.version).toBe(3);
  });

  it('is none for a device without an account, or with only another account’s programs', () => {
    const archive = archiveOf(kept('someone-else', 4, 1500));
    expect(currentProgram(archive, null)).toBeNull();
    expect(currentProgram(archive, ACCOUNT)).toBeNull();
  });
});

describe('the lookup of a device with programs', () => {
  const archive = archiveOf(kept(ACCOUNT, 1, 1000), kept(ACCOUNT, 2, 3000));
  const lookup = archiveLookup(() => archive);

  it('gives a session that names a version that version’s protocol', () => {
    expect(lookup(squeezes.id, squeezes.version, { id: ACCOUNT, version: 1 })?.tempo.holdMs).toBe(
      1000,
    );
    expect(lookup(squeezes.id, squeezes.version, { id: ACCOUNT, version: 2 })?.tempo.holdMs).toBe(
      3000,
    );
  });

  it('gives nothing for a version not here yet, so the session waits instead of folding wrong', () => {
    expect(lookup(squeezes.id, squeezes.version, { id: ACCOUNT, version: 3 })).toBeNull();
    expect(lookup('glute-bridge', 1, { id: ACCOUNT, version: 1 })).toBeNull();
  });

  it('gives a session without a program the built-in protocol', () => {
    expect(lookup(squeezes.id, squeezes.version, null)).toEqual(squeezes);
  });

  it('sees programs kept after it was made', () => {
    const growing: ProgramArchive = {};
    const late = archiveLookup(() => growing);
    expect(late(squeezes.id, squeezes.version, { id: ACCOUNT, version: 1 })).toBeNull();
    Object.assign(growing, archiveOf(kept(ACCOUNT, 1, 1200)));
    expect(late(squeezes.id, squeezes.version, { id: ACCOUNT, version: 1 })?.tempo.holdMs).toBe(
      1200,
    );
  });
});
