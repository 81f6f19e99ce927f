// A program: what a therapist assigns to one client. It holds one full
// protocol (its id stays the exercise's id, such as "prone-ankle-squeeze", so
// the ladder and readiness still know which exercise it is) with the
// therapist's adjustments already baked into its tempo and phases, the cues
// to favour, which exercises to open early or hold back, and a short line
// for the client. Every change is a new version; a session that ran one names
// it in its `session.started` (`program: {id, version}`). These are the plain
// types, free of the schema library, for apps' first screens; the schema
// lives in schema.ts behind the validation entry point.
import type { Protocol } from '../protocol/schema.js';

export const PROGRAM_SCHEMA_VERSION = 1;

/** What a therapist changes about a protocol; every field is optional. */
export interface ProtocolAdjustments {
  holdMs?: number | undefined;
  restBetweenSetsSeconds?: number | undefined;
  checkInEveryReps?: number | undefined;
  wakeUpCapReps?: number | undefined;
  sets?: number | undefined;
  repsPerSet?: number | undefined;
}

/** Open an exercise now ('early'), or keep it locked even when ready ('held'). */
export type TherapistUnlock = 'early' | 'held';

/** Where a program's protocol came from: a built-in, or an entry of the clinic's library. */
export interface ProgramBase {
  source: 'builtin' | 'library';
  /** The built-in protocol's id, or the library entry's id. */
  id: string;
  /** The built-in's version, or the library entry's revision. */
  revision: number;
}

export interface ProgramDocument {
  schemaVersion: typeof PROGRAM_SCHEMA_VERSION;
  basedOn: ProgramBase;
  /** The adjustments, as the therapist chose them (already applied to `protocol`). */
  adjustments: ProtocolAdjustments;
  protocol: Protocol;
  /** Ids of `protocol`'s cues to say first when a rule offers them. */
  favouredCues: string[];
  /** By exercise (protocol) id. */
  unlocks: Record<string, TherapistUnlock>;
  /** A short line for the client, shown on Home; null for none. */
  message: string | null;
}
