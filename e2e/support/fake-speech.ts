// A fake Web Speech synthesis for the page under test. Headless Chromium has no
// voices, so the real speechSynthesis would never speak or end. The fake
// offers one local English voice, records every spoken utterance in
// window.__spoken, and plays them one after another: each fires `start` at
// once and `end` after `speakMs`. cancel() empties the queue, firing `error`
// ('interrupted' for the one speaking, 'canceled' for the rest) as Chrome does.
// Invariant: installFakeSpeechSynthesis is serialised into the page by
// addInitScript, so it must use nothing from outside its own body.

/** What the fake records for each utterance passed to speechSynthesis.speak(). */
export interface SpokenUtterance {
  text: string;
  lang: string;
  voiceName: string | null;
  rate: number;
  pitch: number;
  volume: number;
  /** performance.now() in the page when speak() was called. */
  atMs: number;
}

export interface FakeVoice {
  voiceURI: string;
  name: string;
  lang: string;
  localService: boolean;
  default: boolean;
}

export interface FakeSpeechOptions {
  /** How long each utterance "speaks" before its end event. */
  speakMs: number;
  /** The one voice getVoices() returns. */
  voice: FakeVoice;
}

declare global {
  interface Window {
    __spoken?: SpokenUtterance[];
  }
}

export const fakeVoice: FakeVoice = {
  voiceURI: 'glutewake-test-voice',
  name: 'Glutewake Test Voice',
  lang: 'en-US',
  localService: true,
  default: true,
};

export function installFakeSpeechSynthesis({ speakMs, voice }: FakeSpeechOptions): void {
  type Handler = ((event: Event) => void) | null;

  class FakeUtterance extends EventTarget {
    text: string;
    lang = '';
    voice: FakeVoice | null = null;
    rate = 1;
    pitch = 1;
    volume = 1;
    onstart: Handler = null;
    onend: Handler = null;
    onerror: Handler = null;
    onpause: Handler = null;
    onresume: Handler = null;
    onboundary: Handler = null;
    onmark: Handler = null;

    constructor(text = '') {
      super();
      this.text = text;
    }

    /** Fires an event the way the real one does: listeners and the on<type> handler. */
    fire(type: 'start' | 'end' | 'error', error?: 'interrupted' | 'canceled'): void {
      const event = Object.assign(new Event(type), {
        utterance: this,
        charIndex: 0,
        charLength: 0,
        elapsedTime: 0,
        name: '',
        error,
      });
      const handler = { start: this.onstart, end: this.onend, error: this.onerror }[type];
      this.dispatchEvent(event);
      handler?.call(this, event);
    }
  }

  const spoken: SpokenUtterance[] = [];
  const queue: FakeUtterance[] = [];
  let current: FakeUtterance | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const synth = Object.assign(new EventTarget(), {
    onvoiceschanged: null as Handler,
    paused: false,
    get speaking(): boolean {
      return current !== null;
    },
    get pending(): boolean {
      return queue.length > 0;
    },
    getVoices: () => [voice],
    speak(utterance: FakeUtterance): void {
      spoken.push({
        text: utterance.text,
        lang: utterance.lang,
        voiceName: utterance.voice?.name ?? null,
        rate: utterance.rate,
        pitch: utterance.pitch,
        volume: utterance.volume,
        atMs: performance.now(),
      });
      queue.push(utterance);
      if (current === null) playNext();
    },
    cancel(): void {
      clearTimeout(timer);
      const interrupted = current;
      const canceled = queue.splice(0);
      current = null;
      interrupted?.fire('error', 'interrupted');
      for (const utterance of canceled) utterance.fire('error', 'canceled');
    },
    pause(): void {
      synth.paused = true;
    },
    resume(): void {
      synth.paused = false;
    },
  });

  function playNext(): void {
    current = queue.shift() ?? null;
    if (current === null) return;
    const speakingNow = current;
    speakingNow.fire('start');
    timer = setTimeout(() => {
      current = null;
      speakingNow.fire('end');
      playNext();
    }, speakMs);
  }

  window.__spoken = spoken;
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', {
    value: FakeUtterance,
    configurable: true,
    writable: true,
  });
  // Real Chrome loads its voices late and says so; pages may wait for this.
  setTimeout(() => {
    const event = new Event('voiceschanged');
    synth.dispatchEvent(event);
    synth.onvoiceschanged?.call(synth, event);
  }, 0);
}
