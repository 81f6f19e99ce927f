// A fake AudioContext that records what the code under test asks of Web
// Audio: oscillators with their start and stop times, gain automation, and
// connections. Its clock and the page's wall clock move together, only when
// a test calls `advance`. A reading from getOutputTimestamp lags currentTime
// by `outputLatencySeconds`, as on real hardware.
export class FakeParam {
  value = 0;
  readonly events: { kind: 'set' | 'ramp' | 'target' | 'cancel'; value: number; time: number }[] =
    [];
  setValueAtTime(value: number, time: number) {
    this.events.push({ kind: 'set', value, time });
    return this;
  }
  linearRampToValueAtTime(value: number, time: number) {
    this.events.push({ kind: 'ramp', value, time });
    return this;
  }
  setTargetAtTime(value: number, time: number) {
    this.events.push({ kind: 'target', value, time });
    return this;
  }
  cancelScheduledValues(time: number) {
    this.events.push({ kind: 'cancel', value: 0, time });
    return this;
  }
}

export class FakeNode {
  connections: FakeNode[] = [];
  connect(node: FakeNode) {
    this.connections.push(node);
    return node;
  }
  disconnect() {
    this.connections = [];
  }
}

export class FakeGain extends FakeNode {
  readonly gain = new FakeParam();
}

export class FakeOscillator extends FakeNode {
  type = 'sine';
  readonly frequency = new FakeParam();
  startAt: number | null = null;
  stopAt: number | null = null;
  onended: (() => void) | null = null;
  constructor(readonly envelopeOf: () => FakeGain | undefined) {
    super();
  }
  start(time = 0) {
    this.startAt = time;
  }
  stop(time = 0) {
    this.stopAt = time;
  }
  /** Sounds unless it was stopped before it started. */
  get sounds(): boolean {
    return this.startAt !== null && (this.stopAt === null || this.stopAt > this.startAt);
  }
}

export class FakeWallClock {
  constructor(
    readonly timeOrigin: number,
    public nowMs = 1000,
  ) {}
  now() {
    return this.nowMs;
  }
}

export class FakeAudioContext {
  currentTime = 0;
  state: 'suspended' | 'running' | 'closed' = 'suspended';
  readonly outputLatency = 0.02;
  readonly baseLatency = 0;
  readonly destination = new FakeNode();
  readonly oscillators: FakeOscillator[] = [];
  readonly gains: FakeGain[] = [];
  private listeners: (() => void)[] = [];

  constructor(private readonly wall: FakeWallClock) {}

  createOscillator() {
    const oscillator: FakeOscillator = new FakeOscillator((): FakeGain | undefined =>
      oscillator.connections.find((node) => node instanceof FakeGain),
    );
    this.oscillators.push(oscillator);
    return oscillator;
  }
  createGain() {
    const gain = new FakeGain();
    this.gains.push(gain);
    return gain;
  }
  resume() {
    this.state = 'running';
    this.listeners.forEach((listener) => listener());
    return Promise.resolve();
  }
  close() {
    this.state = 'closed';
    return Promise.resolve();
  }
  addEventListener(_type: 'statechange', listener: () => void) {
    this.listeners.push(listener);
  }
  getOutputTimestamp() {
    return {
      contextTime: Math.max(0, this.currentTime - this.outputLatency),
      performanceTime: this.currentTime > this.outputLatency ? this.wall.nowMs : 0,
    };
  }
  advance(ms: number) {
    this.wall.nowMs += ms;
    if (this.state === 'running') this.currentTime += ms / 1000;
  }

  asAudioContext(): AudioContext {
    return this as unknown as AudioContext;
  }
}
