// Runs one session on this device: the engine's state, the durable log and
// the sound, kept in step. Every event (the person's answers and the clock's
// rep completions alike) is appended to the IndexedDB log before the state
// the screen shows moves on, so nothing shown as done can be lost. Commits
// are serialised, so the log never has a gap or a duplicate. After a reload
// an unfinished session comes back paused at the rep it had reached.
import {
  advance,
  applyEvent,
  foldSession,
  summarize,
  timelineOf,
  type Balance,
  type ProtocolLookup,
  type Region,
  type SessionEvent,
  type SessionSettings,
  type SessionState,
  type SymptomScores,
  type Timeline,
} from '@glutewake/core';
import type { CuePlayer } from '../audio/types.js';
import type { EventLog } from '../store/event-log.js';
import { sameScore } from './score.js';

/** The part of the durable log a runner needs (the IndexedDB EventLog in the app). */
export type SessionLog = Pick<EventLog, 'append' | 'eventsOf'>;

export interface RunnerDeps {
  log: SessionLog;
  player: CuePlayer;
  lookup: ProtocolLookup;
  /** Called whenever the committed state changes or an error occurs. */
  onChange(): void;
  /** How often the clock is checked for due reps and time-outs. */
  tickMs?: number;
  newSessionId?: () => string;
}

export class SessionRunner {
  private state: SessionState;
  private committedCount: number;
  private queue: Promise<void> = Promise.resolve();
  private ticker: ReturnType<typeof setInterval> | null = null;
  private scheduled: Timeline | null = null;
  private lastError: Error | null = null;
  private disposed = false;

  private constructor(
    private readonly deps: RunnerDeps,
    readonly sessionId: string,
    events: readonly SessionEvent[],
  ) {
    this.state = foldSession(deps.lookup, events);
    this.committedCount = events.length;
  }

  static async start(
    deps: RunnerDeps,
    protocol: { id: string; version: number },
    settings: SessionSettings,
    /** The program version the session runs, when the therapist assigned one. */
    program?: { id: string; version: number },
  ): Promise<SessionRunner> {
    const sessionId = (deps.newSessionId ?? randomSessionId)();
    const runner = new SessionRunner(deps, sessionId, []);
    await runner.commitExclusively([
      {
        type: 'session.started',
        at: Math.round(deps.player.now()),
        v: 1,
        sessionId,
        protocol,
        ...(program ? { program } : {}),
        settings,
      },
    ]);
    runner.startTicking();
    return runner;
  }

  /** Reopens a session from its log; one that was running comes back paused. */
  static async reopen(deps: RunnerDeps, sessionId: string): Promise<SessionRunner> {
    const runner = new SessionRunner(deps, sessionId, await deps.log.eventsOf(sessionId));
    const kind = runner.state.position.kind;
    if (kind === 'block' || kind === 'check-in') {
      // Reps that fell due while the app was closed were never coached: pause
      // where the log ends. If even that cannot be written, do not go on.
      await runner.commitExclusively([{ type: 'session.paused', at: runner.state.lastEventAt }]);
    }
    runner.startTicking();
    return runner;
  }

  get current(): SessionState {
    return this.state;
  }

  get timeline(): Timeline {
    return timelineOf(this.state);
  }

  get error(): Error | null {
    return this.lastError;
  }

  get eventCount(): number {
    return this.committedCount;
  }

  /** Whole epoch milliseconds, as the event schema (and so import and sync) requires. */
  now(): number {
    return Math.max(Math.round(this.deps.player.now()), this.state.lastEventAt);
  }

  answer(regions: readonly Region[], balance: Balance | null): Promise<void> {
    return this.record(
      balance === null
        ? { type: 'checkIn.answered', at: this.now(), regions: [...regions] }
        : { type: 'checkIn.answered', at: this.now(), regions: [...regions], balance },
    );
  }

  reportFelt(regions: readonly Region[]): Promise<void> {
    return this.record({ type: 'felt', at: this.now(), regions: [...regions] });
  }

  reportBalance(balance: Balance): Promise<void> {
    return this.record({ type: 'balance.reported', at: this.now(), balance });
  }

  pause(): Promise<void> {
    return this.record({ type: 'session.paused', at: this.now() });
  }

  resume(): Promise<void> {
    return this.record({ type: 'session.resumed', at: this.now() });
  }

  stop(): Promise<void> {
    return this.record({ type: 'session.stopped', at: this.now() });
  }

  logSymptoms(symptoms: SymptomScores, note: string): Promise<void> {
    const trimmed = note.trim();
    return this.record(
      trimmed === ''
        ? { type: 'symptoms.logged', at: this.now(), symptoms }
        : { type: 'symptoms.logged', at: this.now(), symptoms, note: trimmed },
    );
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /**
   * Stops ticking and writing; resolves once any write under way has landed.
   * An ended session's farewell is left to finish; anything else is silenced.
   */
  dispose(): Promise<void> {
    this.disposed = true;
    if (this.ticker !== null) clearInterval(this.ticker);
    this.ticker = null;
    if (this.state.position.kind !== 'ended') this.deps.player.silence();
    return this.queue.then(
      () => undefined,
      () => undefined,
    );
  }

  /** Applies the clock's due events up to now; called on every tick and when the page wakes up. */
  tick(): Promise<void> {
    const now = this.deps.player.now(); // read now: a tick queued behind an answer must not overtake it
    return this.enqueue(async () => {
      const { events } = advance(this.deps.lookup, this.state, now);
      if (events.length > 0) await this.commitNow(events);
    }).catch(() => undefined); // kept in `error`; the next tick tries again
  }

  /** Writes a person's action; rejects when it could not be stored. */
  private record(event: SessionEvent): Promise<void> {
    return this.enqueue(async () => {
      // Let the clock catch up first, so the answer lands after every rep already done.
      const { events } = advance(this.deps.lookup, this.state, event.at);
      await this.commitNow([
        ...events,
        { ...event, at: Math.max(event.at, this.state.lastEventAt) },
      ]);
      if (!this.disposed) this.deps.player.confirm();
    });
  }

  private commitExclusively(events: SessionEvent[]): Promise<void> {
    return this.enqueue(() => this.commitNow(events));
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const run = this.queue.then(async () => {
      if (this.disposed) throw new Error('This session runner has been closed.');
      try {
        await work();
      } catch (error) {
        this.lastError = error instanceof Error ? error : new Error(String(error));
        this.deps.onChange();
        throw this.lastError;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async commitNow(events: SessionEvent[]): Promise<void> {
    const next = events.reduce(
      (state, event) => applyEvent(this.deps.lookup, state, event),
      this.state,
    );
    await this.deps.log.append(this.sessionId, this.committedCount, events, summarize(next));
    this.state = next;
    this.committedCount += events.length;
    this.lastError = null;
    if (this.disposed) return;
    this.schedule();
    this.deps.onChange();
  }

  private schedule(): void {
    const timeline = timelineOf(this.state);
    if (this.scheduled !== null && sameScore(this.scheduled, timeline)) return;
    this.scheduled = timeline;
    if (timeline.steps.length === 0) this.deps.player.silence();
    else this.deps.player.play(timeline);
  }

  private startTicking(): void {
    this.schedule();
    this.ticker = setInterval(() => void this.tick(), this.deps.tickMs ?? 100);
  }
}

function randomSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
