// The keys that answer without looking. Digits toggle body regions, Enter
// (or Space while choosing) sends, Space alone means "I feel it now", P
// pauses, and L / E / R give the left-right balance after a set.
import type { Balance, Region } from '@glutewake/core';

export const REGION_DIGITS: Record<Exclude<Region, 'none'>, string> & { none: string } = {
  thighs: '1',
  hamstrings: '2',
  back: '3',
  left: '4',
  right: '5',
  none: '0',
};

export type KeyIntent =
  | { kind: 'toggle'; region: Region }
  | { kind: 'send' }
  | { kind: 'feel-it' }
  | { kind: 'pause-toggle' }
  | { kind: 'balance'; balance: Balance }
  | { kind: 'cancel' };

export function intentForKey(key: string, choosing: boolean): KeyIntent | null {
  const region = (Object.keys(REGION_DIGITS) as Region[]).find((r) => REGION_DIGITS[r] === key);
  if (region) return { kind: 'toggle', region };
  switch (key.toLowerCase()) {
    case ' ':
      return choosing ? { kind: 'send' } : { kind: 'feel-it' };
    case 'enter':
      return { kind: 'send' };
    case 'p':
      return { kind: 'pause-toggle' };
    case 'escape':
      return { kind: 'cancel' };
    case 'l':
      return { kind: 'balance', balance: 'left-stronger' };
    case 'e':
      return { kind: 'balance', balance: 'even' };
    case 'r':
      return { kind: 'balance', balance: 'right-stronger' };
    default:
      return null;
  }
}

/** Words a person might say, mapped to regions (voice answers). */
export function regionsFromSpeech(transcript: string): Region[] {
  const words = transcript.toLowerCase();
  const found = new Set<Region>();
  if (/\bboth\b|\bglutes\b|\bbum\b|\bbutt\b/.test(words)) {
    found.add('left');
    found.add('right');
  }
  if (/\bleft\b/.test(words)) found.add('left');
  if (/\bright\b/.test(words)) found.add('right');
  if (/\bthighs?\b|\binner\b/.test(words)) found.add('thighs');
  if (/\bhamstrings?\b|\bback of (my )?legs?\b/.test(words)) found.add('hamstrings');
  if (/\blow(er)? back\b|\bback\b/.test(words) && !/\bback of\b/.test(words)) found.add('back');
  if (found.size === 0 && /\bnothing\b|\bnone\b|\bnot yet\b/.test(words)) found.add('none');
  return [...found];
}
