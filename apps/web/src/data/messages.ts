// The words of the "Your data" screen. Plain, warm, short English; every
// outcome of an import reads as one sentence, whatever mix the file brought.
import type { SessionImportKind } from '@glutewake/core';
import type { UnsentOnDevice } from '../sync/batches.js';

const sessions = (count: number) => (count === 1 ? '1 session' : `${count} sessions`);

export const dataMessages = {
  back: 'Settings',
  title: 'Your data',
  intro:
    'Everything Glutewake records stays on this device. Take a copy with you, move it to another device, or open it in a spreadsheet.',
  loading: 'Counting your sessions…',
  count: (count: number) =>
    count === 0
      ? 'There are no sessions on this device yet.'
      : `${sessions(count)} on this device.`,
  exportTitle: 'Keep a copy',
  exportHint:
    'One file with every session exactly as it was recorded, and your settings. Keep it as a backup, or import it on another device.',
  exportButton: 'Export everything (JSON)',
  exported: (name: string) => `Saved ${name}.`,
  importTitle: 'Bring sessions in',
  importHint:
    'Choose a Glutewake export. Sessions this device already has are never doubled, and nothing here is overwritten.',
  importButton: 'Import a file',
  importing: 'Reading the file…',
  importNothing: 'The file holds no sessions. Nothing was changed.',
  importRefused: 'This file could not be imported. Nothing was changed.',
  moreProblems: (count: number) => `…and ${count} more.`,
  settingsAdded: 'Settings from the file were added.',
  settingsDiffer: 'Your settings on this device were kept; the file has different ones.',
  useFileSettings: 'Use the settings from the file',
  fileSettingsUsed: 'Now using the settings from the file.',
  tablesTitle: 'Spreadsheet tables (CSV)',
  tablesHint:
    'Three tables for a spreadsheet or your therapist: one row per session, per check-in and per symptom score.',
  tables: {
    sessions: 'Sessions table (CSV)',
    checkins: 'Check-ins table (CSV)',
    symptoms: 'Symptoms table (CSV)',
  },
  deleteTitle: 'Delete everything',
  deleteHint:
    'Removes every session and setting from this device. Export first if you want to keep anything.',
  deleteButton: 'Delete all data',
  confirmDelete: (count: number) =>
    count === 0
      ? 'Delete your settings from this device?'
      : `Delete ${sessions(count)} and your settings from this device?`,
  unsentOwn: (count: number) =>
    count === 1
      ? '1 event has not reached your clinic yet. Let it sync first, or it will be lost.'
      : `${count} events have not reached your clinic yet. Let them sync first, or they will be lost.`,
  unsentSignedOut: (count: number) =>
    count === 1
      ? '1 event is waiting for the account that signed out here. Sign in again to send it, or it will be lost.'
      : `${count} events are waiting for the account that signed out here. Sign in again to send them, or they will be lost.`,
  unsentOthers: (count: number, accounts: number) =>
    `${count === 1 ? '1 event' : `${count} events`} of ${accounts === 1 ? 'someone else' : `${accounts} other people`} who signed in here ${count === 1 ? 'has' : 'have'} not been sent yet, and would be lost.`,
  unsentUnknown: 'Some events may not have reached a clinic yet, and would be lost.',
  cannotUndo: 'This cannot be undone.',
  keep: 'Keep my data',
  confirmDeleteYes: 'Yes, delete everything',
  deleted: 'Everything on this device was deleted.',
  busyInSession: 'Finish or stop the session that is running first.',
  failed: 'That did not work. Please try again.',
};

/** "Added 12 sessions, 3 were already here, 1 differs and was kept as it was." */
export function importSentence(counts: Record<SessionImportKind, number>): string {
  const here = counts.same + counts['already-longer'];
  const parts: string[] = [];
  if (counts.new > 0) parts.push(`added ${sessions(counts.new)}`);
  if (counts.extends > 0) parts.push(`brought ${sessions(counts.extends)} up to date`);
  if (here > 0) parts.push(here === 1 ? '1 was already here' : `${here} were already here`);
  if (counts.conflict > 0) {
    parts.push(
      counts.conflict === 1
        ? '1 differs and was kept as it was'
        : `${counts.conflict} differ and were kept as they were`,
    );
  }
  if (parts.length === 0) return dataMessages.importNothing;
  const sentence = parts.join(', ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/** What the delete question says of events that have not reached a clinic yet. */
export function unsentLines(unsent: UnsentOnDevice | 'unknown' | null): string[] {
  if (unsent === null) return [];
  if (unsent === 'unknown') return [dataMessages.unsentUnknown];
  const lines: string[] = [];
  if (unsent.own > 0) {
    lines.push(
      unsent.ownSignedIn
        ? dataMessages.unsentOwn(unsent.own)
        : dataMessages.unsentSignedOut(unsent.own),
    );
  }
  if (unsent.others > 0) lines.push(dataMessages.unsentOthers(unsent.others, unsent.otherAccounts));
  return lines;
}
