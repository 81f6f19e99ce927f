// Dates and times as the portal shows them: how long ago in words for the
// list, and full dates for the timeline, the audit log and the printout.
const DAY_MS = 86_400_000;

export function daysAgo(at: number, now: number): string {
  const startOfToday = new Date(now);
  startOfToday.setHours(0, 0, 0, 0);
  const days = Math.ceil((startOfToday.getTime() - at) / DAY_MS);
  if (at >= startOfToday.getTime()) return 'Today';
  if (days <= 1) return 'Yesterday';
  return `${days} days ago`;
}

export function shortDate(at: number): string {
  return new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

export function dateTime(at: number): string {
  return new Date(at).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function longDate(at: number): string {
  return new Date(at).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}
