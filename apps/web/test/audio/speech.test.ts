// Speech: the best local English voice, one utterance at a time, queued lines
// cancellable, and silence (tones alone) when no such voice exists, as in
// headless Chromium.
import { describe, expect, it } from 'vitest';
import { bestVoice, createSpeech } from '../../src/audio/speech.js';
import { platformWith, voice, type FakeSynthesis } from './fake-speech.js';

const texts = (synthesis: FakeSynthesis) => synthesis.spoken.map((u) => u.text);

describe('choosing a voice', () => {
  const voices = [
    voice('Cloud English', 'en-GB', { local: false }),
    voice('Anna', 'de-DE', { isDefault: true }),
    voice('Samantha', 'en-US', { isDefault: true }),
    voice('Daniel', 'en_GB'),
    voice('Karen', 'en-AU'),
  ];

  it('prefers a local voice in the person’s own English', () => {
    expect(bestVoice(voices, 'en-GB', null)?.name).toBe('Daniel');
    expect(bestVoice(voices, 'en-AU', null)?.name).toBe('Karen');
  });

  it('falls back to the default English voice for another language', () => {
    expect(bestVoice(voices, 'de-DE', null)?.name).toBe('Samantha');
  });

  it('honours a chosen local voice, and ignores a chosen voice that is gone', () => {
    expect(bestVoice(voices, 'en-GB', 'uri:Karen')?.name).toBe('Karen');
    expect(bestVoice(voices, 'en-GB', 'uri:Cloud English')?.name).toBe('Daniel');
  });

  it('finds none without a local English voice', () => {
    expect(bestVoice([voices[0]!, voices[1]!], 'en-GB', null)).toBeNull();
  });
});

describe('createSpeech', () => {
  it('is silent and unavailable with no voices, as in headless Chromium', () => {
    const { synthesis, platform } = platformWith([]);
    const speech = createSpeech(platform);
    speech.say('Squeeze');
    expect(speech.available()).toBe(false);
    expect(synthesis.spoken).toEqual([]);
    expect(createSpeech(null).available()).toBe(false);
  });

  it('becomes available when the voices arrive late', () => {
    const { synthesis, platform } = platformWith([]);
    const speech = createSpeech(platform);
    synthesis.changeVoices([voice('Daniel', 'en-GB')]);
    speech.say('Squeeze');
    expect(speech.available()).toBe(true);
    expect(synthesis.spoken[0]?.voice?.name).toBe('Daniel');
    expect(speech.voices()).toEqual([{ uri: 'uri:Daniel', name: 'Daniel', lang: 'en-GB' }]);
  });

  it('hands the platform one line at a time and drops a queued line when cancelled', () => {
    const { synthesis, platform } = platformWith([voice('Daniel', 'en-GB')]);
    const speech = createSpeech(platform);
    speech.say('One');
    const two = speech.say('Two');
    speech.say('Three');
    expect(texts(synthesis)).toEqual(['One']);
    two.cancel();
    synthesis.finish();
    synthesis.finish();
    expect(texts(synthesis)).toEqual(['One', 'Three']);
  });

  it('moves on when the platform went idle without an end event', () => {
    const { synthesis, platform } = platformWith([voice('Daniel', 'en-GB')]);
    const speech = createSpeech(platform);
    speech.say('One');
    synthesis.current = null;
    speech.say('Two');
    expect(texts(synthesis)).toEqual(['One', 'Two']);
  });

  it('hushes the current line and forgets the queue', () => {
    const { synthesis, platform } = platformWith([voice('Daniel', 'en-GB')]);
    const speech = createSpeech(platform);
    speech.say('One');
    speech.say('Two');
    speech.hush();
    speech.say('Three');
    synthesis.finish();
    expect(texts(synthesis)).toEqual(['One', 'Three']);
    expect(synthesis.cancels).toBe(1);
  });
});
