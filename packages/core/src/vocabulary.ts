// The words Glutewake measures with: where a squeeze is felt, how the two
// sides compare, and which symptoms people track. Every list here is closed:
// protocols, events and the apps only ever use these identifiers.

/** Where a person can say they feel the squeeze. `none` means "nothing yet". */
export const REGIONS = ['thighs', 'hamstrings', 'back', 'left', 'right', 'none'] as const;
export type Region = (typeof REGIONS)[number];

/** The two glutes, tracked separately everywhere. */
export const GLUTES = ['left', 'right'] as const;
export type Glute = (typeof GLUTES)[number];

/** How the two glutes compared during a set. */
export const BALANCES = ['left-stronger', 'even', 'right-stronger'] as const;
export type Balance = (typeof BALANCES)[number];

/** Symptoms people log after a session, each 0 (none) to 10. */
export const SYMPTOMS = ['knee', 'foot', 'hamstringCramping', 'backStiffness'] as const;
export type Symptom = (typeof SYMPTOMS)[number];
export const SYMPTOM_SCALE = { min: 0, max: 10 } as const;

export const PHASE_KINDS = ['wake-up', 'work'] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

export function isGlute(region: Region): region is Glute {
  return region === 'left' || region === 'right';
}

export function otherGlute(glute: Glute): Glute {
  return glute === 'left' ? 'right' : 'left';
}
