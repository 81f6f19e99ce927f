// The words of the "Your data" screen. Plain, warm, short English; every
// outcome of an import reads as one sentence, whatever mix the file brought.
import type { SessionImportKind } from '@glutewake/core';

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
    `${count === 1 ? '1 event has' : `${count} events have`} not reached your clinic yet and would be lost. Let them sync first to keep them.`,
  unsentOthers: (count: number) =>
    `${count === 1 ? '1 event' : `${count} events`} of someone else who signed in here ${count === 1 ? 'has' : 'have'} not been sent yet. They would be lost too.`,
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
