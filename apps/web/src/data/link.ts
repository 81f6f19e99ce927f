// How other screens link to "Your data": its route and words, kept apart from
// the screen's own messages so the first screen carries only these.
export const dataLink = {
  href: '#/data',
  label: 'Your data',
  detail: 'Export, import, spreadsheet tables, delete',
} as const;
