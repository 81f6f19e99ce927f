// The progression ladder: the built-in (or a clinic's) protocols ordered by
// their readiness rules, each with where the person stands on it. A rung is
// open when it has no rule, ready when its rule holds, unlocked early when
// the person or their therapist chose so, held when the therapist holds it
// back, and otherwise locked. A rung whose prerequisite is locked or held
// stays locked, whatever its own rule says, so the ladder is climbed in
// order; the therapist's word wins over both: 'early' opens a rung now even
// past a locked one, and 'held' keeps it shut even when ready or unlocked by
// the person. A rung without a rule is always open.
import type { Protocol } from '../protocol/schema.js';
import type { TherapistUnlock } from '../program/types.js';
import type { LocalDay } from './days.js';
import type { PracticeRecord } from './history.js';
import { evaluateReadiness, type Missing, type ReadinessReport } from './readiness.js';

export type RungState = 'open' | 'ready' | 'unlocked-early' | 'held' | 'locked';

export interface Rung {
  protocol: Protocol;
  state: RungState;
  /** The rung below, when this one has a readiness rule. */
  after: Protocol | null;
  readiness: ReadinessReport | null;
  /** What is still missing, in plain words; empty unless locked or held. */
  missing: Missing[];
  /** What the therapist decided for this rung, when they did. */
  therapist: TherapistUnlock | null;
}

export interface EarlyUnlock {
  protocolId: string;
  at: number;
}

/** Protocols in ladder order: each after the protocol its readiness rule names. */
export function ladderOrder(protocols: readonly Protocol[]): Protocol[] {
  const ordered: Protocol[] = [];
  const placed = new Set<string>();
  let frontier = protocols.filter((p) => !p.readiness);
  while (frontier.length > 0) {
    for (const protocol of frontier) {
      if (!placed.has(protocol.id)) {
        ordered.push(protocol);
        placed.add(protocol.id);
      }
    }
    frontier = protocols.filter(
      (p) => !placed.has(p.id) && p.readiness !== undefined && placed.has(p.readiness.after),
    );
  }
  // A rule naming a missing protocol, or a cycle, leaves rungs unplaced: they
  // go last, and stay locked.
  return [...ordered, ...protocols.filter((p) => !placed.has(p.id))];
}

export function ladderStatus(
  protocols: readonly Protocol[],
  history: readonly PracticeRecord[],
  today: LocalDay,
  earlyUnlocks: readonly EarlyUnlock[] = [],
  therapistUnlocks: Readonly<Record<string, TherapistUnlock>> = {},
): Rung[] {
  const unlockedEarly = new Set(earlyUnlocks.map((unlock) => unlock.protocolId));
  const rungs = new Map<string, Rung>();
  for (const protocol of ladderOrder(protocols)) {
    const rule = protocol.readiness;
    if (!rule) {
      rungs.set(protocol.id, {
        protocol,
        state: 'open',
        after: null,
        readiness: null,
        missing: [],
        therapist: null,
      });
      continue;
    }
    const therapist = therapistUnlocks[protocol.id] ?? null;
    const below = rungs.get(rule.after) ?? null;
    const readiness = evaluateReadiness(rule, history, today);
    const belowLocked = below === null || !isAvailable(below);
    const state: RungState =
      therapist === 'held'
        ? 'held'
        : therapist === 'early'
          ? readiness.ready && !belowLocked
            ? 'ready'
            : 'unlocked-early'
          : belowLocked
            ? 'locked'
            : readiness.ready
              ? 'ready'
              : unlockedEarly.has(protocol.id)
                ? 'unlocked-early'
                : 'locked';
    const belowName = below?.protocol.name.toLowerCase() ?? 'the exercise before it';
    const missing: Missing[] =
      state === 'held'
        ? [
            {
              kind: 'held',
              text: `Your therapist would like you to stay with ${belowName} for now`,
            },
          ]
        : state !== 'locked'
          ? []
          : belowLocked
            ? [{ kind: 'sessions', text: `Unlock ${belowName} first` }]
            : readiness.missing;
    rungs.set(protocol.id, {
      protocol,
      state,
      after: below?.protocol ?? null,
      readiness,
      missing,
      therapist,
    });
  }
  return [...rungs.values()];
}

export function isAvailable(rung: Pick<Rung, 'state'>): boolean {
  return rung.state !== 'locked' && rung.state !== 'held';
}

/** Where someone stands: the highest rung open to them, and the one they are working towards. */
export function standing(rungs: readonly Rung[]): { current: Rung | null; next: Rung | null } {
  const available = rungs.filter(isAvailable);
  return {
    current: available.at(-1) ?? null,
    next:
      rungs.find(
        (rung) =>
          !isAvailable(rung) &&
          rung.after !== null &&
          rungs.some((r) => r.protocol.id === rung.after?.id && isAvailable(r)),
      ) ?? null,
  };
}
