// The words and names of the "Your data" screen: the import report reads as
// one plain sentence whatever mix of outcomes the file brought, and files
// carry the date in their names.
import { describe, expect, test } from 'vitest';
import type { SessionImportKind } from '@glutewake/core';
import { dataMessages, importSentence, unsentLines } from '../src/data/messages.js';
import { exportFileName } from '../src/data/files.js';

const counts = (partial: Partial<Record<SessionImportKind, number>>) => ({
  new: 0,
  same: 0,
  extends: 0,
  'already-longer': 0,
  conflict: 0,
  ...partial,
});

describe('the import report', () => {
  test.each([
    [
      { new: 12, same: 2, 'already-longer': 1, conflict: 1 },
      'Added 12 sessions, 3 were already here, 1 differs and was kept as it was.',
    ],
    [{ new: 1 }, 'Added 1 session.'],
    [{ same: 1 }, '1 was already here.'],
    [{ extends: 2, same: 4 }, 'Brought 2 sessions up to date, 4 were already here.'],
    [{ new: 3, extends: 1 }, 'Added 3 sessions, brought 1 session up to date.'],
    [{ conflict: 2 }, '2 differ and were kept as they were.'],
    [{}, dataMessages.importNothing],
  ])('%j reads "%s"', (partial, sentence) => {
    expect(importSentence(counts(partial))).toBe(sentence);
  });
});

describe('file names', () => {
  test('put the day in the name, never inside the file', () => {
    expect(exportFileName('export', '2026-01-05')).toBe('glutewake-export-2026-01-05.json');
    expect(exportFileName('sessions', '2026-01-05')).toBe('glutewake-sessions-2026-01-05.csv');
    expect(exportFileName('checkins', '2026-01-05')).toBe('glutewake-checkins-2026-01-05.csv');
    expect(exportFileName('symptoms', '2026-01-05')).toBe('glutewake-symptoms-2026-01-05.csv');
  });
});

describe('the delete question, on events that have not reached a clinic', () => {
  const unsent = (partial: Partial<Parameters<typeof unsentLines>[0] & object>) => ({
    own: 0,
    ownSignedIn: true,
    others: 0,
    otherAccounts: 0,
    ...partial,
  });

  test.each([
    [unsent({}), []],
    [
      unsent({ own: 1 }),
      ['1 event has not reached your clinic yet. Let it sync first, or it will be lost.'],
    ],
    [
      unsent({ own: 12, ownSignedIn: false }),
      [
        '12 events are waiting for the account that signed out here. Sign in again to send them, or they will be lost.',
      ],
    ],
    [
      unsent({ own: 3, others: 1, otherAccounts: 1 }),
      [
        '3 events have not reached your clinic yet. Let them sync first, or they will be lost.',
        '1 event of someone else who signed in here has not been sent yet, and would be lost.',
      ],
    ],
    [
      unsent({ others: 40, otherAccounts: 2 }),
      ['40 events of 2 other people who signed in here have not been sent yet, and would be lost.'],
    ],
  ])('%j reads %j', (counts, lines) => {
    expect(unsentLines(counts)).toEqual(lines);
  });

  test('says it cannot tell, rather than nothing, when the count fails', () => {
    expect(unsentLines('unknown')).toEqual([dataMessages.unsentUnknown]);
    expect(unsentLines(null)).toEqual([]);
  });
});
