// Speech through speechSynthesis, with the best local English voice. The
// wrapper keeps its own queue and hands the platform one utterance at a time,
// so a queued line can be cancelled on its own while the current one finishes.
// Invariants: only local voices (localService) are used, so speech works
// offline; only English voices, because every cue text is English; with no
// such voice `available()` is false and `say` does nothing (tones alone carry
// the session); the choice is made again whenever the voice list changes.
import type { CueHandle } from './scheduler.js';

export interface VoiceChoice {
  uri: string;
  name: string;
  lang: string;
}

export interface SpeechOutput {
  /** True when a local English voice exists. */
  available(): boolean;
  voices(): VoiceChoice[];
  /** A voiceURI to prefer, or null for the best local English voice. */
  preferVoice(uri: string | null): void;
  /** Queues the text; the handle drops it if it has not started yet. */
  say(text: string): CueHandle;
  /** Stops the current utterance and forgets the queue. */
  hush(): void;
  /** Speaks nothing, from a user gesture, so later speech is allowed. */
  prime(): void;
  dispose(): void;
}

/** The parts of the platform's speech API the wrapper uses (a fake in tests). */
export interface SpeechPlatform {
  synthesis: Pick<
    SpeechSynthesis,
    | 'getVoices'
    | 'speak'
    | 'cancel'
    | 'speaking'
    | 'pending'
    | 'addEventListener'
    | 'removeEventListener'
  >;
  createUtterance(text: string): SpeechSynthesisUtterance;
  /** navigator.language, e.g. "en-GB". */
  language: string;
}

const noHandle: CueHandle = { cancel() {} };

export function browserSpeechPlatform(): SpeechPlatform | null {
  if (typeof speechSynthesis === 'undefined' || typeof SpeechSynthesisUtterance === 'undefined') {
    return null;
  }
  return {
    synthesis: speechSynthesis,
    createUtterance: (text) => new SpeechSynthesisUtterance(text),
    language: typeof navigator === 'undefined' ? 'en-US' : navigator.language,
  };
}

/** Ranks local English voices: the person's own English first, then the default, then any. */
export function bestVoice(
  voices: readonly SpeechSynthesisVoice[],
  language: string,
  preferredUri: string | null,
): SpeechSynthesisVoice | null {
  const usable = voices.filter((voice) => voice.localService && isEnglish(voice.lang));
  const preferred = usable.find((voice) => voice.voiceURI === preferredUri);
  if (preferred) return preferred;
  const wanted = normaliseLang(language);
  const score = (voice: SpeechSynthesisVoice) =>
    (normaliseLang(voice.lang) === wanted ? 4 : 0) +
    (voice.default ? 2 : 0) +
    (normaliseLang(voice.lang) === 'en-us' || normaliseLang(voice.lang) === 'en-gb' ? 1 : 0);
  return [...usable].sort((a, b) => score(b) - score(a))[0] ?? null;
}

export function createSpeech(platform: SpeechPlatform | null): SpeechOutput {
  if (platform === null) return mutedSpeech;
  const { synthesis } = platform;
  let preferredUri: string | null = null;
  let voice: SpeechSynthesisVoice | null = null;
  const queue: { text: string }[] = [];
  let current: SpeechSynthesisUtterance | null = null;

  const chooseVoice = () => {
    voice = bestVoice(synthesis.getVoices(), platform.language, preferredUri);
  };
  const finished = (utterance: SpeechSynthesisUtterance) => () => {
    // A late end event of a hushed utterance must not release its successor.
    if (current !== utterance) return;
    current = null;
    pump();
  };
  const pump = () => {
    // A platform that lost an utterance's end event is idle: move on anyway.
    if (current !== null && (synthesis.speaking || synthesis.pending)) return;
    const line = queue.shift();
    if (line === undefined || voice === null) {
      current = null;
      return;
    }
    const utterance = platform.createUtterance(line.text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.onend = finished(utterance);
    utterance.onerror = finished(utterance);
    current = utterance;
    synthesis.speak(utterance);
  };

  chooseVoice();
  synthesis.addEventListener('voiceschanged', chooseVoice);

  return {
    available: () => voice !== null,
    voices: () =>
      synthesis
        .getVoices()
        .filter((v) => v.localService && isEnglish(v.lang))
        .map((v) => ({ uri: v.voiceURI, name: v.name, lang: v.lang })),
    preferVoice(uri) {
      preferredUri = uri;
      chooseVoice();
    },
    say(text) {
      if (voice === null) return noHandle;
      const line = { text };
      queue.push(line);
      pump();
      return {
        cancel() {
          const index = queue.indexOf(line);
          if (index >= 0) queue.splice(index, 1);
        },
      };
    },
    hush() {
      queue.length = 0;
      current = null;
      synthesis.cancel();
    },
    prime() {
      const utterance = platform.createUtterance('');
      utterance.volume = 0;
      synthesis.speak(utterance);
    },
    dispose() {
      synthesis.removeEventListener('voiceschanged', chooseVoice);
      queue.length = 0;
      current = null;
      synthesis.cancel();
    },
  };
}

const mutedSpeech: SpeechOutput = {
  available: () => false,
  voices: () => [],
  preferVoice() {},
  say: () => noHandle,
  hush() {},
  prime() {},
  dispose() {},
};

function isEnglish(lang: string): boolean {
  return normaliseLang(lang).split('-')[0] === 'en';
}

function normaliseLang(lang: string): string {
  return lang.replace('_', '-').toLowerCase();
}
