// The words and names of the "Your data" screen: the import report reads as
// one plain sentence whatever mix of outcomes the file brought, and files
// carry the date in their names.
import { describe, expect, test } from 'vitest';
import type { SessionImportKind } from '@glutewake/core';
import { dataMessages, importSentence } from '../src/data/messages.js';
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
