// The events that time alone produces: a rep completes when its release ends
// on the tempo, and a check-in with no answer times out. Given a state and the
// current instant, `advance` returns exactly the events that are due, each
// stamped with its ideal time (not the moment the caller noticed), so that a
// log replays identically however late or jittery the caller's ticks were.
import type { ProtocolLookup } from './apply.js';
import { applyEvent } from './apply.js';
import type { SessionEvent } from './events.js';
import type { SessionState } from './state.js';
import { checkInTimeoutOffsetMs, fullBlockSteps, repEndOffsetMs } from './timeline.js';

/** The next event the clock will produce from this state, whenever it is due; null if none. */
export function nextClockEvent(state: SessionState): SessionEvent | null {
  const { position, plan } = state;
  if (plan === null) return null;
  if (position.kind === 'block') {
    const offset = repEndOffsetMs(fullBlockSteps(plan, position), position.nextRep);
    if (offset === null) return null;
    return {
      type: 'rep.completed',
      at: position.anchorAt + offset,
      phase: position.phase,
      set: position.set,
      rep: position.nextRep,
    };
  }
  if (position.kind === 'check-in') {
    return {
      type: 'checkIn.timedOut',
      at: position.askedAt + checkInTimeoutOffsetMs(plan, position),
    };
  }
  return null;
}

export interface Advanced {
  state: SessionState;
  /** The events that fell due, in order; append them to the log. */
  events: SessionEvent[];
}

/** Applies every clock event due at or before `now`. */
export function advance(lookup: ProtocolLookup, state: SessionState, now: number): Advanced {
  const events: SessionEvent[] = [];
  let current = state;
  for (
    let due = nextClockEvent(current);
    due !== null && due.at <= now;
    due = nextClockEvent(current)
  ) {
    const next = applyEvent(lookup, current, due);
    if (next.ignoredEvents !== current.ignoredEvents) break;
    events.push(due);
    current = next;
  }
  return { state: current, events };
}
