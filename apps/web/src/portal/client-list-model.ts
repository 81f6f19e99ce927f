// Sorting and filtering the client list, as pure functions so they are easy
// to test and fast on a few hundred rows. Invariants: sorting is stable and
// names break ties; a missing figure (never practised, no firing yet) sorts
// last in either direction, so the clients who need a look stay visible.
import type { CaseloadFlag, ClientWithFigures } from './types.js';

export const SORT_KEYS = [
  'name',
  'lastSession',
  'sessions',
  'firing',
  'balance',
  'readiness',
  'flags',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';
export interface SortOrder {
  key: SortKey;
  direction: SortDirection;
}

/** The flag filter: everyone, anyone flagged, or one flag. */
export type FlagFilter = 'all' | 'any' | CaseloadFlag;

const BALANCE_RANK: Record<string, number> = { even: 0, 'left-stronger': 1, 'right-stronger': 1 };

/** The latest rep at which the later of the two glutes fired; null when one did not. */
export function latestBothFired(client: ClientWithFigures): number | null {
  const last = client.figures.recentFiring.at(-1);
  if (last === undefined || last.left === null || last.right === null) return null;
  return Math.max(last.left, last.right);
}

function readinessRank(client: ClientWithFigures): number | null {
  const readiness = client.figures.readiness;
  if (readiness === null || readiness.next === null) return null;
  if (readiness.ready) return 0;
  const days = readiness.practiceDays;
  const run = readiness.sessionsInARow;
  // The share still missing: fewer is closer to ready.
  const share =
    (days ? Math.max(0, days.need - days.have) / days.need : 0) +
    (run ? Math.max(0, run.need - run.have) / run.need : 0);
  return 1 + share;
}

function keyOf(client: ClientWithFigures, key: SortKey): number | string | null {
  const f = client.figures;
  switch (key) {
    case 'name':
      return client.displayName.toLocaleLowerCase();
    case 'lastSession':
      return f.lastSessionAt;
    case 'sessions':
      return f.sessionsLast14Days;
    case 'firing':
      return latestBothFired(client);
    case 'balance':
      return f.latestBalance === null ? null : (BALANCE_RANK[f.latestBalance] ?? 2);
    case 'readiness':
      return readinessRank(client);
    case 'flags':
      return f.flags.length;
  }
}

export function sortClients(
  clients: readonly ClientWithFigures[],
  order: SortOrder,
): ClientWithFigures[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  const byName = (a: ClientWithFigures, b: ClientWithFigures) =>
    a.displayName.localeCompare(b.displayName);
  const keyed = clients.map((client) => ({ client, key: keyOf(client, order.key) }));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) {
      if (a.key === b.key) return byName(a.client, b.client);
      return a.key === null ? 1 : -1;
    }
    const compared =
      typeof a.key === 'string' && typeof b.key === 'string'
        ? a.key.localeCompare(b.key)
        : Number(a.key) - Number(b.key);
    return compared * sign || byName(a.client, b.client);
  });
  return keyed.map((k) => k.client);
}

export function filterClients(
  clients: readonly ClientWithFigures[],
  text: string,
  flag: FlagFilter,
): ClientWithFigures[] {
  const words = text.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return clients.filter((client) => {
    if (flag === 'any' && client.figures.flags.length === 0) return false;
    if (flag !== 'all' && flag !== 'any' && !client.figures.flags.includes(flag)) return false;
    const haystack = `${client.displayName} ${client.email}`.toLocaleLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** The direction a column starts in when first chosen: the useful end first. */
export function firstDirection(key: SortKey): SortDirection {
  return key === 'lastSession' || key === 'sessions' || key === 'flags'
    ? 'descending'
    : 'ascending';
}
