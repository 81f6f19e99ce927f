// The therapist portal's view of the server: the client list with each
// client's figures at a glance, a client's timeline with its check-ins,
// invitations and the audit log. Mirrors the response schemas in
// apps/server/src/api/caseload-views.ts and views.ts.
import type { Sharing } from '../account/types.js';

export type CaseloadFlag =
  'no-session-in-4-days' | 'one-side-not-firing' | 'symptom-rising' | 'quarantined-events';

export interface FiredPoint {
  startedAt: number;
  left: number | null;
  right: number | null;
}

export interface Exercise {
  id: string;
  name: string;
}

export interface Readiness {
  practising: Exercise;
  next: Exercise | null;
  ready: boolean;
  practiceDays: { have: number; need: number; withinDays: number } | null;
  sessionsInARow: { have: number; need: number } | null;
  missing: string[];
}

export interface CaseloadFigures {
  lastSessionAt: number | null;
  sessionsLast14Days: number;
  practiceDaysLast14: number;
  recentFiring: FiredPoint[];
  firingChange: { left: number | null; right: number | null };
  latestBalance: string | null;
  readiness: Readiness | null;
  flags: CaseloadFlag[];
}

export interface ClientAccount {
  id: string;
  role: 'owner' | 'therapist' | 'client';
  displayName: string;
  email: string;
  status: 'active' | 'disabled' | 'removed';
  therapistId: string | null;
  joinedAt: number;
  sharing: Sharing | null;
}

export interface ClientWithFigures extends ClientAccount {
  figures: CaseloadFigures;
}

export interface CheckIn {
  phase: string;
  set: number | null;
  rep: number;
  source: 'check-in' | 'spontaneous';
  felt: string[] | null;
  balance: string | null;
  cues: string[];
}

export interface TimelineSession {
  sessionId: string;
  protocol: { id: string; version: number } | null;
  program: { id: string; version: number } | null;
  startedAt: number | null;
  endedAt: number | null;
  outcome: string;
  leftFiredAtRep: number | null;
  rightFiredAtRep: number | null;
  lastBalance: string | null;
  workReps: number;
  symptoms: Record<string, number> | null;
  note: string | null;
  eventCount: number;
  checkIns: CheckIn[];
}

export interface Invitation {
  id: string;
  kind: 'client' | 'therapist' | 'owner';
  nameHint: string | null;
  therapistId: string | null;
  createdBy: string | null;
  createdAt: number;
  expiresAt: number;
  status: 'pending' | 'used' | 'revoked' | 'expired';
  usedBy: string | null;
}

export interface CreatedInvitation {
  invitation: Invitation;
  code: string;
  link: string;
  qrSvg: string;
}

export interface AuditEntry {
  id: number;
  at: number;
  kind: string;
  actorId: string | null;
  subjectId: string | null;
  address: string | null;
  detail: Record<string, unknown> | null;
}
