// The account as the server describes it (GET /api/me), and what a client
// chooses to share with their therapist. Mirrors the server's response
// schemas in apps/server/src/api/views.ts.
export type Role = 'owner' | 'therapist' | 'client';

export interface Sharing {
  /** 'all': every session, also those from before joining; 'from-joining': only later ones. */
  history: 'all' | 'from-joining';
  symptoms: boolean;
  notes: boolean;
}

export const SHARE_EVERYTHING: Sharing = { history: 'all', symptoms: true, notes: true };

export interface Me {
  id: string;
  role: Role;
  displayName: string;
  email: string;
  clinic: { id: string; name: string };
  sharing: Sharing | null;
  session: { idleTimeoutSeconds: number; expiresAt: number };
}

export interface InvitationPreview {
  kind: 'client' | 'therapist' | 'owner';
  clinicName: string;
  invitedBy: string | null;
  nameHint: string | null;
  expiresAt: number;
}
