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
  start(): void;
  stop(): void;
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
    for (let i = event.resultIndex; i < event.results.length; i++) {
      const result = event.results[i];
      const transcript = result?.[0]?.transcript;
      if (result?.isFinal && transcript) {
        const regions = regionsFromSpeech(transcript);
        if (regions.length > 0) onRegions(regions);
      }
    }
  };
  recognition.onend = () => {
    if (!stopped) recognition.start(); // Browsers end recognition after silence; keep listening.
  };
  try {
    recognition.start();
  } catch {
    return () => undefined;
  }
  return () => {
    stopped = true;
    recognition.stop();
  };
}

function recognitionConstructor(): RecognitionConstructor | null {
  const scope = globalThis as unknown as {
    SpeechRecognition?: RecognitionConstructor;
    webkitSpeechRecognition?: RecognitionConstructor;
  };
  return scope.SpeechRecognition ?? scope.webkitSpeechRecognition ?? null;
}
