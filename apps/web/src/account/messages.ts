// The words of the account screens: joining a therapist's clinic by
// invitation, signing in and out, what to share, and sync. Plain, warm,
// short English; honest that everything works without an account.
export const accountMessages = {
  back: 'Settings',
  title: 'Your therapist',
  intro:
    'Glutewake works fully on this device, with no account. If a therapist or trainer guides you, join their clinic to share your sessions with them and get the program they set for you.',
  loading: 'Checking your account…',
  offline:
    'You are offline. Everything keeps working here, and sync picks up again when you are back online.',
  haveCode: 'I have an invitation',
  codeLabel: 'Invitation code',
  codeHint: 'It is in the link or on the card your therapist gave you.',
  continue: 'Continue',
  signInTitle: 'I already have an account',
  email: 'Email',
  password: 'Password',
  signIn: 'Sign in',
  signedInAs: (name: string, clinic: string) => `Signed in as ${name}, with ${clinic}.`,
  staffNote: 'This is a staff account. Sessions on this device stay on this device.',
  signOut: 'Sign out',
  signedOut: 'You are signed out. Your sessions stay on this device.',
  sharingTitle: 'What your therapist sees',
  sharingHistory: 'Sessions to share',
  shareAll: 'All my sessions, also those from before I joined',
  shareFromJoining: 'Only sessions from when I joined',
  shareSymptoms: 'My symptom scores (knee, foot, hamstrings, back)',
  shareNotes: 'My notes after sessions',
  saveSharing: 'Save my choices',
  sharingSaved: 'Your choices are saved.',
  joinTitle: 'Join your therapist',
  joinChecking: 'Checking the invitation…',
  invitedBy: (who: string | null, clinic: string) =>
    who ? `${who} at ${clinic} invited you.` : `${clinic} invited you.`,
  staffInvitation: 'This invitation is for a staff account.',
  yourName: 'Your name',
  choosePassword: 'Choose a password (at least 10 characters)',
  join: 'Join',
  joined: 'Welcome! You have joined. Your sessions will sync from now on.',
  keepsLocal: 'Your sessions stay on this device as well, and the app keeps working offline.',
  noCode: 'Open the link your therapist sent you, or type its code on the account screen.',
  syncTitle: 'Sync',
  syncLoading: 'Checking what is waiting…',
  syncing: (waiting: number) =>
    waiting === 0 ? 'Syncing…' : `Syncing… ${events(waiting)} to send.`,
  synced: "Synced. Everything is saved on your clinic's server.",
  lastSynced: (when: string) => `Last synced ${when}.`,
  waiting: (waiting: number) =>
    waiting === 0 ? 'Not synced yet.' : `${events(waiting)} waiting to be sent.`,
  lastError: (message: string) => `Last try: ${message}`,
  signedOutQueue: (waiting: number) =>
    waiting === 0
      ? 'Sign in again to keep syncing.'
      : `${events(waiting)} waiting. Sign in again to send them; nothing is lost.`,
  notLinked: 'This device is not syncing yet.',
  programs: (count: number) =>
    count === 1
      ? 'Your therapist has set 1 program version for you.'
      : `Your therapist has set ${count} program versions for you.`,
  syncNow: 'Sync now',
  quarantined: (count: number) =>
    count === 1
      ? '1 event could not be accepted by the server. It is kept there for you and your therapist to look at:'
      : `${count} events could not be accepted by the server. They are kept there for you and your therapist to look at:`,
  quarantineLine: (sessionId: string, index: number, problems: readonly string[]) =>
    `Session ${sessionId}, event ${index + 1}: ${problems.join('; ')}`,
};

function events(count: number): string {
  return count === 1 ? '1 event' : `${count} events`;
}
