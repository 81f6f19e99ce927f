// The words of the therapist portal. They load with the portal, never with a
// client's first screen. Plain, warm, short English; no medical claims.
import type { CaseloadFlag } from './types.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const portalMessages = {
  title: 'Clinic portal',
  loading: 'Loading…',
  back: 'Back to the app',
  nav: {
    label: 'Portal',
    clients: 'Clients',
    protocols: 'Protocols',
    invitations: 'Invitations',
    audit: 'Audit log',
  },
  signedInAs: (name: string, clinic: string) => `${name}, ${clinic}`,
  signOut: 'Sign out',
  gate: {
    setupTitle: 'Set up your clinic',
    setupIntro:
      'This server is new. Create your clinic and your own account; you will be its owner and can invite therapists and clients.',
    clinicName: 'Clinic name',
    yourName: 'Your name',
    email: 'Email',
    password: 'Password (at least 10 characters)',
    createClinic: 'Create the clinic',
    signInTitle: 'Staff sign-in',
    signInIntro: 'For therapists and clinic owners. Clients use the app itself.',
    signIn: 'Sign in',
    clientAccount:
      'This is a client account. The portal is for staff; your sessions are in the app.',
  },
  list: {
    title: 'Your clients',
    count: (shown: number, all: number) =>
      shown === all ? plural(all, 'client') : `${shown} of ${plural(all, 'client')}`,
    empty: 'No clients yet. Invite someone from Invitations.',
    noMatch: 'No client matches these filters.',
    filterLabel: 'Find a client',
    filterHint: 'Name or email',
    flagFilter: 'Show only',
    everyone: 'Everyone',
    anyFlag: 'Needs attention',
    caption: 'Clients with their figures at a glance. Select a column header to sort.',
    columns: {
      name: 'Client',
      lastSession: 'Last session',
      sessions: 'Last 14 days',
      firing: 'Glutes fired at rep',
      balance: 'Balance',
      readiness: 'Next exercise',
      flags: 'Needs attention',
    },
    sortedAscending: 'sorted ascending',
    sortedDescending: 'sorted descending',
    never: 'Never',
    practiceDays: (sessions: number, days: number) => `${sessions} on ${plural(days, 'day')}`,
    nothingToFlag: 'Nothing',
  },
  flags: {
    'no-session-in-4-days': 'No session in 4 days',
    'one-side-not-firing': 'One side not firing',
    'symptom-rising': 'Symptom rising',
    'quarantined-events': 'Events set aside',
  } satisfies Record<CaseloadFlag, string>,
  sparkline: {
    none: 'No measured sessions yet',
    describe: (sessions: number, left: string, right: string) =>
      `Last ${plural(sessions, 'session')}: left ${left}; right ${right}`,
    trend: (first: number | null, last: number | null) =>
      first === null || last === null
        ? last === null
          ? 'not firing lately'
          : `now rep ${last}`
        : first === last
          ? `steady at rep ${last}`
          : `rep ${first} to ${last}`,
    change: (value: number | null) =>
      value === null
        ? ''
        : value === 0
          ? 'same as last week'
          : `${value < 0 ? '' : '+'}${value} vs last week`,
  },
  balance: {
    'left-stronger': 'Left stronger',
    even: 'Even',
    'right-stronger': 'Right stronger',
  } as Record<string, string>,
  notReported: 'Not reported',
  readiness: {
    ready: (name: string) => `Ready for ${name.toLowerCase()}`,
    progress: (name: string) => name,
    days: (have: number, need: number) => `${have}/${need} days`,
    inARow: (have: number, need: number) => `${have}/${need} in a row`,
    top: (name: string) => `On ${name.toLowerCase()}, the last exercise`,
  },
};

export { plural };
