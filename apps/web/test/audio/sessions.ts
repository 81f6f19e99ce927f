// Real sessions for the audio tests: the built-in protocol simulated from a
// short script, the timeline after any prefix of its events, and a driver
// that replays the events at their times into a scheduler, the way the app's
// session runner does (play the new timeline after every event).
import {
  applyEvent,
  findBuiltinProtocol,
  foldSession,
  initialSessionState,
  parseScript,
  simulateSession,
  timelineOf,
  type Protocol,
  type ProtocolLookup,
  type SessionSettings,
  type Simulation,
  type Timeline,
  type Tone,
} from '@glutewake/core';
import type { LookaheadScheduler } from '../../src/audio/scheduler.js';
import type { FakeAudioWorld } from './fakes.js';

const found = findBuiltinProtocol('prone-ankle-squeeze', 1);
if (found === null) throw new Error('the built-in prone-ankle-squeeze protocol is missing');
export const squeezes: Protocol = found;
export const lookup: ProtocolLookup = (id, version) => findBuiltinProtocol(id, version);

export function simulate(script: string, settings: SessionSettings = {}): Simulation {
  const parsed = parseScript(script);
  if (!parsed.ok) throw new Error(`bad test script "${script}": ${parsed.problems.join('; ')}`);
  return simulateSession({ protocol: squeezes, script: parsed.actions, settings });
}

/** The timeline the app would play after the first `eventCount` events. */
export function timelineAfter(simulation: Simulation, eventCount: number): Timeline {
  return timelineOf(foldSession(lookup, simulation.events.slice(0, eventCount)));
}

export interface ScoredTone {
  tone: Tone;
  atEpochMs: number;
}

/** Every tone the simulator says the session plays, in order. */
export function scoredTones(simulation: Simulation): ScoredTone[] {
  return simulation.score.flatMap((step) =>
    step.sounds.flatMap((sound) =>
      sound.kind === 'tone' ? [{ tone: sound.tone, atEpochMs: step.at }] : [],
    ),
  );
}

/** Every line the simulator says the session speaks, in order. */
export function scoredLines(simulation: Simulation): { text: string; atEpochMs: number }[] {
  return simulation.score.flatMap((step) =>
    step.sounds.flatMap((sound) =>
      sound.kind === 'speech' ? [{ text: sound.text, atEpochMs: step.at }] : [],
    ),
  );
}

/**
 * Replays a simulation in the fake world: at each event's time the new
 * timeline is played; `beforeEvent` may disturb the world (a stall) first.
 */
export function replay(
  simulation: Simulation,
  world: FakeAudioWorld,
  scheduler: LookaheadScheduler,
  beforeEvent: (eventIndex: number) => void = () => {},
): void {
  let state = initialSessionState;
  simulation.events.forEach((event, index) => {
    beforeEvent(index);
    world.runUntil(event.at);
    state = applyEvent(lookup, state, event);
    scheduler.play(timelineOf(state));
  });
  world.run(10_000);
}
