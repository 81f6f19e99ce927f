// Files the app hands to the person: their names (the day in the name, never
// inside the file, so the same data always gives the same bytes) and the
// download itself, made from text in memory, with nothing sent anywhere.
export const MIME_TYPES = {
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
  ics: 'text/calendar;charset=utf-8',
} as const;

export type ExportFileKind = 'export' | 'sessions' | 'checkins' | 'symptoms';

/** "glutewake-export-2026-01-05.json", "glutewake-sessions-2026-01-05.csv", ... */
export function exportFileName(kind: ExportFileKind, day: string): string {
  return `glutewake-${kind}-${day}.${kind === 'export' ? 'json' : 'csv'}`;
}

/** Saves `text` as a file named `name` through the browser's download. */
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click's task is done.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
