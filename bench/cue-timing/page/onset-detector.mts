// The ear of the benchmark: an AudioWorklet processor, loaded from a Blob URL,
// that reports the sample frame at which a sound begins. An onset is the
// first sample whose magnitude crosses `threshold` after at least
// `minSilenceFrames` silent frames, so the second blip of "ready" or the
// second note of "question" is not a new onset. Frames count on the
// AudioContext's clock: frame / sampleRate is context time in seconds.
export const ONSET_DETECTOR = 'glutewake-onset-detector';

export interface OnsetDetectorOptions {
  threshold: number;
  minSilenceFrames: number;
}

export const onsetDetectorSource = `
class OnsetDetector extends AudioWorkletProcessor {
  constructor(options) {
    super();
    this.threshold = options.processorOptions.threshold;
    this.minSilenceFrames = options.processorOptions.minSilenceFrames;
    this.silentFrames = Infinity;
  }
  process(inputs) {
    const samples = inputs[0] && inputs[0][0];
    if (!samples) {
      this.silentFrames += 128;
      return true;
    }
    for (let i = 0; i < samples.length; i++) {
      if (Math.abs(samples[i]) > this.threshold) {
        if (this.silentFrames >= this.minSilenceFrames) this.port.postMessage(currentFrame + i);
        this.silentFrames = 0;
      } else {
        this.silentFrames++;
      }
    }
    return true;
  }
}
registerProcessor('${ONSET_DETECTOR}', OnsetDetector);
`;

/** A bus whose sound is timestamped: connect tones to `input`; `onsetsSeconds` fills as they sound. */
export interface DetectedBus {
  input: GainNode;
  onsetsSeconds: number[];
}

export async function loadOnsetDetector(context: AudioContext): Promise<void> {
  const url = URL.createObjectURL(new Blob([onsetDetectorSource], { type: 'text/javascript' }));
  await context.audioWorklet.addModule(url);
  URL.revokeObjectURL(url);
}

export function detectedBus(context: AudioContext, options: OnsetDetectorOptions): DetectedBus {
  const input = context.createGain();
  const detector = new AudioWorkletNode(context, ONSET_DETECTOR, {
    numberOfInputs: 1,
    numberOfOutputs: 1,
    outputChannelCount: [1],
    processorOptions: options,
  });
  const onsetsSeconds: number[] = [];
  detector.port.onmessage = (message: MessageEvent<number>) => {
    onsetsSeconds.push(message.data / context.sampleRate);
  };
  input.connect(detector);
  // Pulled by the destination so it renders; its output is silence.
  detector.connect(context.destination);
  return { input, onsetsSeconds };
}
