// Headset and media-remote buttons through the Media Session API. Browsers
// only route those buttons to a page that is playing media, so a silent loop
// plays while the session runs. One press means both glutes; next track is
// the right glute, previous track the left.
import type { Region } from '@glutewake/core';

// A tiny silent WAV (8 kHz, 8-bit, 0.1 s), generated rather than fetched.
function silentWavUrl(): string {
  const samples = 800;
  const bytes = new Uint8Array(44 + samples);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) =>
    [...text].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples, true);
  ascii(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, 8000, true);
  view.setUint32(28, 8000, true);
  view.setUint16(32, 1, true);
  view.setUint16(34, 8, true);
  ascii(36, 'data');
  view.setUint32(40, samples, true);
  bytes.fill(128, 44);
  return URL.createObjectURL(new Blob([bytes], { type: 'audio/wav' }));
}

export function listenToMediaButtons(
  onRegions: (regions: Region[]) => void,
  title: string,
): () => void {
  if (!('mediaSession' in navigator)) return () => undefined;
  const url = silentWavUrl();
  const audio = new Audio(url);
  audio.loop = true;
  audio.volume = 0.01;
  void audio.play().catch(() => undefined);
  const session = navigator.mediaSession;
  session.metadata = new MediaMetadata({ title, artist: 'Glutewake' });
  const handlers: [MediaSessionAction, Region[]][] = [
    ['play', ['left', 'right']],
    ['pause', ['left', 'right']],
    ['nexttrack', ['right']],
    ['previoustrack', ['left']],
  ];
  for (const [action, regions] of handlers) {
    try {
      session.setActionHandler(action, () => {
        onRegions(regions);
        void audio.play().catch(() => undefined);
      });
    } catch {
      // This browser does not support that action; the others still work.
    }
  }
  return () => {
    for (const [action] of handlers) {
      try {
        session.setActionHandler(action, null);
      } catch {
        // Unsupported action: nothing to remove.
      }
    }
    audio.pause();
    URL.revokeObjectURL(url);
  };
}
