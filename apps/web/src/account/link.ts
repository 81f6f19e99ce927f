// How other screens link to the account screen: its route and words, kept
// apart from the screen's own messages so the first screen carries only these.
export const accountLink = {
  href: '#/account',
  label: 'Your therapist',
  detail: 'Join with an invitation, share your sessions and sync',
} as const;

/** The therapist portal, for clinic staff; its code loads only when opened. */
export const portalLink = {
  href: '#/portal',
  label: 'Clinic portal',
  detail: 'For therapists and clinic owners: your clients, invitations and the audit log',
} as const;
