// A fake speechSynthesis: it records the utterances it is handed, speaks one
// at a time, ends the current one when a test calls `finish`, and announces
// a new voice list through "voiceschanged" like a browser that loads voices late.
import type { SpeechPlatform } from '../../src/audio/speech.js';

export function voice(
  name: string,
  lang: string,
  options: { local?: boolean; isDefault?: boolean } = {},
) {
  return {
    name,
    lang,
    voiceURI: `uri:${name}`,
    localService: options.local ?? true,
    default: options.isDefault ?? false,
  } satisfies SpeechSynthesisVoice;
}

export class FakeUtterance {
  voice: SpeechSynthesisVoice | null = null;
  lang = '';
  volume = 1;
  onend: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly text: string) {}
}

export class FakeSynthesis {
  voiceList: SpeechSynthesisVoice[] = [];
  spoken: FakeUtterance[] = [];
  current: FakeUtterance | null = null;
  cancels = 0;
  private listeners: (() => void)[] = [];

  get speaking() {
    return this.current !== null;
  }
  readonly pending = false;
  getVoices = () => this.voiceList;
  speak = (utterance: SpeechSynthesisUtterance) => {
    const fake = utterance as unknown as FakeUtterance;
    this.spoken.push(fake);
    if (fake.text !== '') this.current = fake;
  };
  cancel = () => {
    this.cancels++;
    const interrupted = this.current;
    this.current = null;
    interrupted?.onerror?.();
  };
  addEventListener = (_type: string, listener: () => void) => void this.listeners.push(listener);
  removeEventListener = (_type: string, listener: () => void) => {
    this.listeners = this.listeners.filter((l) => l !== listener);
  };
  /** The current utterance ends. */
  finish() {
    const ended = this.current;
    this.current = null;
    ended?.onend?.();
  }
  changeVoices(voices: SpeechSynthesisVoice[]) {
    this.voiceList = voices;
    this.listeners.forEach((listener) => listener());
  }
}

export function platformWith(voices: SpeechSynthesisVoice[], language = 'en-GB') {
  const synthesis = new FakeSynthesis();
  synthesis.voiceList = voices;
  const platform: SpeechPlatform = {
    synthesis: synthesis as unknown as SpeechPlatform['synthesis'],
    createUtterance: (text) => new FakeUtterance(text) as unknown as SpeechSynthesisUtterance,
    language,
  };
  return { synthesis, platform };
}
