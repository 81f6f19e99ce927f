// Spoken answers where the browser offers speech recognition. It listens
// continuously while a session runs and hands over the regions it heard.
// Off unless the person turns it on: some browsers send audio to a server.
import type { Region } from '@glutewake/core';
import { regionsFromSpeech } from './answer-keys.js';

interface RecognitionLike {
  continuous: boolean;
  interimResults: boolean;
  lang: string;
  onresult:
    | ((event: {
        results: ArrayLike<ArrayLike<{ transcript: string }> & { isFinal: boolean }>;
        resultIndex: number;
      }) => void)
    | null;
  onend: (() => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  start(): void;
  abort(): void;
}

type RecognitionConstructor = new () => RecognitionLike;

export function speechRecognitionAvailable(): boolean {
  return recognitionConstructor() !== null;
}

export function listenForSpokenAnswers(onRegions: (regions: Region[]) => void): () => void {
  const Recognition = recognitionConstructor();
  if (Recognition === null) return () => undefined;
  const recognition = new Recognition();
  let stopped = false;
  recognition.continuous = true;
  recognition.interimResults = false;
  recognition.lang = navigator.language || 'en-GB';
  recognition.onresult = (event) => {
    if (stopped) return;
    for (let i = event.resultIndex; i < event.results.length; i++) {
      const result = event.results[i];
      const transcript = result?.[0]?.transcript;
      if (result?.isFinal && transcript) {
        const regions = regionsFromSpeech(transcript);
        if (regions.length > 0) onRegions(regions);
      }
    }
  };
  recognition.onerror = (event) => {
    // No microphone permission or no speech service: give up quietly; the other ways still work.
    if (['not-allowed', 'service-not-allowed', 'audio-capture'].includes(event.error))
      stopped = true;
  };
  recognition.onend = () => {
    if (stopped) return;
    try {
      recognition.start(); // Browsers end recognition after silence; keep listening.
    } catch {
      stopped = true;
    }
  };
  try {
    recognition.start();
  } catch {
    return () => undefined;
  }
  return () => {
    stopped = true;
    recognition.onresult = null;
    recognition.onend = null;
    recognition.abort();
  };
}

function recognitionConstructor(): RecognitionConstructor | null {
  const scope = globalThis as unknown as {
    SpeechRecognition?: RecognitionConstructor;
    webkitSpeechRecognition?: RecognitionConstructor;
  };
  return scope.SpeechRecognition ?? scope.webkitSpeechRecognition ?? null;
}
