// Human-readable renderings shared by the commands: durations, regions, set
// names (with the leg, for per-side work) and the cue timeline printed as a
// score, one sound-bearing step per line.
import type { Glute, PlayedStep, Region } from '@glutewake/core';

const REGION_NAMES: Record<Region, string> = {
  thighs: 'inner thighs',
  hamstrings: 'hamstrings',
  back: 'low back',
  left: 'left glute',
  right: 'right glute',
  none: 'nothing yet',
};

export function regionList(regions: readonly Region[] | null): string {
  if (regions === null) return 'no answer';
  return regions.map((region) => REGION_NAMES[region]).join(', ');
}

/**
 * A work set as the person counts it: "set 2", or "set 1 right" when the
 * engine's set 2 is the right leg of a per-side set (see core's setLabel).
 */
export function setName(set: number, side: Glute | null): string {
  return side === null ? `set ${set}` : `set ${Math.ceil(set / 2)} ${side}`;
}

/** 95 -> "1:35", 3725 -> "1:02:05". */
export function clockTime(totalSeconds: number): string {
  const whole = Math.round(totalSeconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const seconds = String(whole % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

export function minutes(totalSeconds: number): string {
  return `${Math.round(totalSeconds / 60)} min`;
}

/** "00:41.700" style offset from the start of the session, to the millisecond. */
export function offset(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const m = Math.floor(total / 60_000);
  const s = Math.floor((total % 60_000) / 1000);
  const millis = total % 1000;
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(millis).padStart(3, '0')}`;
}

/** `sideOf` tells the leg of a work set, for per-side protocols. */
export function scoreLines(
  score: readonly PlayedStep[],
  sideOf: (set: number) => Glute | null = () => null,
): string[] {
  const start = score[0]?.at ?? 0;
  return score.map((step) => {
    const set = step.set === null ? 'set ?' : setName(step.set, sideOf(step.set));
    const where =
      step.phase === null
        ? ''
        : step.phase === 'wake-up'
          ? `wake-up${step.rep === null ? '' : ` rep ${step.rep}`}`
          : `${set}${step.rep === null ? '' : ` rep ${step.rep}`}`;
    const sounds = step.sounds
      .map((sound) => (sound.kind === 'tone' ? `[${sound.tone} tone]` : `"${sound.text}"`))
      .join(' ');
    const seconds = (step.durationMs / 1000).toFixed(3);
    return `${offset(step.at - start)}  ${step.kind.padEnd(12)} ${seconds.padStart(8)}s  ${where.padEnd(16)} ${sounds}`.trimEnd();
  });
}
