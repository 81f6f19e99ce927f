// The session runner against an in-memory log and a fake player clock: events
// reach the log before the state moves on, the log has no gap or duplicate,
// and a reopened session comes back paused at the rep it had reached.
import { describe, expect, it } from 'vitest';
import {
  findBuiltinProtocol,
  type SessionEvent,
  type SessionSummary,
  type Timeline,
} from '@glutewake/core';
import type { CuePlayer } from '../../src/audio/types.js';
import { SessionRunner, type RunnerDeps, type SessionLog } from '../../src/session/runner.js';

class MemoryLog implements SessionLog {
  readonly rows = new Map<string, SessionEvent[]>();
  failNext = false;
  async append(
    sessionId: string,
    fromIndex: number,
    events: readonly SessionEvent[],
    _summary: SessionSummary,
  ) {
    const log = this.rows.get(sessionId) ?? [];
    if (this.failNext) {
      this.failNext = false;
      throw new Error('disk full');
    }
    if (log.length !== fromIndex)
      throw new Error(`gap or duplicate: ${log.length} vs ${fromIndex}`);
    this.rows.set(sessionId, [...log, ...events]);
  }
  async eventsOf(sessionId: string) {
    return [...(this.rows.get(sessionId) ?? [])];
  }
}

function fakePlayer(clock: { now: number }) {
  const played: Timeline[] = [];
  let confirmations = 0;
  const player: CuePlayer = {
    unlock: async () => undefined,
    now: () => clock.now,
    play: (timeline) => void played.push(timeline),
    silence: () => undefined,
    confirm: () => void confirmations++,
    sayNow: () => undefined,
    toneNow: () => undefined,
    setOptions: () => undefined,
    canSpeak: () => false,
    voices: () => [],
    dispose: () => undefined,
  };
  return { player, played, confirmations: () => confirmations };
}

const protocol = findBuiltinProtocol('prone-ankle-squeeze')!;
const ref = { id: protocol.id, version: protocol.version };
const START = Date.UTC(2026, 10, 23, 8);

function setup() {
  const clock = { now: START };
  const log = new MemoryLog();
  const fake = fakePlayer(clock);
  const deps: RunnerDeps = {
    log,
    player: fake.player,
    lookup: (id, version) => (id === protocol.id && version === protocol.version ? protocol : null),
    onChange: () => undefined,
    tickMs: 1_000_000, // ticks are driven by hand in these tests
    newSessionId: () => 'session-1',
  };
  return { clock, log, deps, fake };
}

describe('SessionRunner', () => {
  it('logs the start and schedules the opening timeline', async () => {
    const { log, deps, fake } = setup();
    const runner = await SessionRunner.start(deps, ref, { timescale: 0.1, speakSetup: false });
    expect(log.rows.get('session-1')?.[0]?.type).toBe('session.started');
    expect(fake.played).toHaveLength(1);
    runner.dispose();
  });

  it('writes rep completions to the log before the state shows them', async () => {
    const { clock, log, deps } = setup();
    const runner = await SessionRunner.start(deps, ref, { timescale: 0.1, speakSetup: false });
    clock.now += 8_000; // past rep 10, before the check-in times out
    await runner.tick();
    const logged = log.rows.get('session-1') ?? [];
    expect(runner.current.wakeUpRepsDone).toBe(10);
    expect(logged.filter((e) => e.type === 'rep.completed')).toHaveLength(10);
    expect(runner.eventCount).toBe(logged.length);
    runner.dispose();
  });

  it('keeps the state where it was when the log refuses a write', async () => {
    const { clock, log, deps } = setup();
    const runner = await SessionRunner.start(deps, ref, { timescale: 0.1, speakSetup: false });
    log.failNext = true;
    clock.now += 8_000; // past rep 10, before the check-in times out
    await runner.tick();
    expect(runner.current.wakeUpRepsDone).toBe(0);
    expect(runner.error?.message).toBe('disk full');
    await runner.tick();
    expect(runner.current.wakeUpRepsDone).toBe(10);
    expect(runner.error).toBeNull();
    runner.dispose();
  });

  it('rejects an answer it could not store, and keeps the state as it was', async () => {
    const { clock, log, deps } = setup();
    const runner = await SessionRunner.start(deps, ref, { timescale: 0.1, speakSetup: false });
    clock.now += 8_000; // past rep 10, before the check-in times out
    await runner.tick();
    log.failNext = true;
    await expect(runner.answer(['left'], null)).rejects.toThrow('disk full');
    expect(runner.current.position.kind).toBe('check-in');
    expect(runner.current.firedAtRep.left).toBeNull();
    await runner.answer(['left'], null);
    expect(runner.current.firedAtRep.left).toBe(10);
    await runner.dispose();
  });

  it('writes nothing once disposed, and waits for a write under way', async () => {
    const { clock, log, deps } = setup();
    const runner = await SessionRunner.start(deps, ref, { timescale: 0.1, speakSetup: false });
    clock.now += 3_000;
    const tick = runner.tick();
    await runner.dispose();
    await tick;
    const stored = (log.rows.get('session-1') ?? []).length;
    clock.now += 3_000;
    await runner.tick();
    await expect(runner.pause()).rejects.toThrow();
    expect((log.rows.get('session-1') ?? []).length).toBe(stored);
  });

  it('answers a check-in after the reps already due, and confirms by sound', async () => {
    const { clock, log, deps, fake } = setup();
    const runner = await SessionRunner.start(deps, ref, { timescale: 0.1, speakSetup: false });
    clock.now += 8_000; // past rep 10, before the check-in times out
    await runner.answer(['left', 'right'], null);
    expect(runner.current.firedAtRep).toEqual({ left: 10, right: 10 });
    expect(runner.current.position).toMatchObject({ kind: 'block', phase: 'work', set: 1 });
    expect(fake.confirmations()).toBe(1);
    const types = (log.rows.get('session-1') ?? []).map((e) => e.type);
    expect(types.indexOf('checkIn.answered')).toBe(types.length - 1);
    runner.dispose();
  });

  it('reopens a running session paused at the same rep, with nothing missing', async () => {
    const { clock, log, deps } = setup();
    const first = await SessionRunner.start(deps, ref, { timescale: 0.1, speakSetup: false });
    clock.now += 3_000;
    await first.tick();
    const repsBefore = first.current.wakeUpRepsDone;
    first.dispose();
    expect(repsBefore).toBeGreaterThan(0);

    clock.now += 3_600_000;
    const reopened = await SessionRunner.reopen(deps, 'session-1');
    expect(reopened.current.position.kind).toBe('paused');
    expect(reopened.current.wakeUpRepsDone).toBe(repsBefore);
    await reopened.resume();
    expect(reopened.current.position).toMatchObject({ kind: 'block', nextRep: repsBefore + 1 });
    const logged = log.rows.get('session-1') ?? [];
    const reps = logged
      .filter((e) => e.type === 'rep.completed')
      .map((e) => (e.type === 'rep.completed' ? e.rep : 0));
    expect(reps).toEqual(Array.from({ length: repsBefore }, (_, i) => i + 1));
    reopened.dispose();
  });

  it('never logs an event twice when ticks overlap', async () => {
    const { clock, log, deps } = setup();
    const runner = await SessionRunner.start(deps, ref, { timescale: 0.1, speakSetup: false });
    clock.now += 30_000;
    await Promise.all([runner.tick(), runner.tick(), runner.tick()]);
    const reps = (log.rows.get('session-1') ?? []).filter((e) => e.type === 'rep.completed');
    expect(new Set(reps.map((e) => (e.type === 'rep.completed' ? e.rep : 0))).size).toBe(
      reps.length,
    );
    runner.dispose();
  });
});
