// A session written as a short script, the way people describe one:
// "10:thighs 20:hamstrings 30:left 40:both". Each token is <when>:<what>.
//   when: N       after wake-up rep N
//         sS      at the check-in after work set S
//         sSrN    after rep N of work set S
//         sSL, sSR, sSLrN, sSRrN   the same on the left or right leg of a
//                 per-side set (plain sS there means its left leg)
//   what: regions joined by commas (thighs, hamstrings, back, left, right,
//         both, none), optionally followed by /left-stronger, /even or
//         /right-stronger; or `silent` (no answer), `stop`, `pause=90s|10m|1h`.
// At a check-in the regions are the answer; anywhere else they are a
// spontaneous report ("I feel it now").
import { BALANCES, REGIONS, type Balance, type Glute, type Region } from '../vocabulary.js';

export type ScriptMoment =
  | { phase: 'wake-up'; rep: number }
  | { phase: 'work'; set: number; rep: number | 'end'; side?: Glute };

export type ScriptAction =
  | { moment: ScriptMoment; kind: 'report'; regions: Region[]; balance: Balance | null }
  | { moment: ScriptMoment; kind: 'silent' }
  | { moment: ScriptMoment; kind: 'stop' }
  | { moment: ScriptMoment; kind: 'pause'; seconds: number };

export type ScriptResult =
  { ok: true; actions: ScriptAction[] } | { ok: false; problems: string[] };

const REGION_WORDS: Record<string, Region[]> = {
  ...Object.fromEntries(REGIONS.map((region) => [region, [region]])),
  both: ['left', 'right'],
  glutes: ['left', 'right'],
  nothing: ['none'],
};

export function parseScript(script: string): ScriptResult {
  const actions: ScriptAction[] = [];
  const problems: string[] = [];
  for (const token of script.trim().split(/\s+/).filter(Boolean)) {
    const parsed = parseToken(token);
    if (typeof parsed === 'string') problems.push(`"${token}": ${parsed}`);
    else actions.push(parsed);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, actions };
}

function parseToken(token: string): ScriptAction | string {
  const colon = token.indexOf(':');
  if (colon < 0) return 'expected <rep>:<what>, like 30:left';
  const moment = parseMoment(token.slice(0, colon));
  if (typeof moment === 'string') return moment;
  const what = token.slice(colon + 1).toLowerCase();
  if (what === 'silent') return { moment, kind: 'silent' };
  if (what === 'stop') return { moment, kind: 'stop' };
  if (what.startsWith('pause=')) {
    const seconds = parseDuration(what.slice('pause='.length));
    return seconds === null
      ? 'pause needs a duration like 90s, 10m or 1h'
      : { moment, kind: 'pause', seconds };
  }
  const [regionPart = '', balancePart] = what.split('/');
  const regions: Region[] = [];
  for (const word of regionPart.split(',').filter(Boolean)) {
    const named = REGION_WORDS[word];
    if (!named) return `unknown region "${word}" (use ${Object.keys(REGION_WORDS).join(', ')})`;
    regions.push(...named.filter((region) => !regions.includes(region)));
  }
  if (regions.length === 0) return 'name at least one region';
  let balance: Balance | null = null;
  if (balancePart !== undefined) {
    if (!(BALANCES as readonly string[]).includes(balancePart)) {
      return `unknown balance "${balancePart}" (use ${BALANCES.join(', ')})`;
    }
    balance = balancePart as Balance;
  }
  return { moment, kind: 'report', regions, balance };
}

function parseMoment(when: string): ScriptMoment | string {
  const notARep = `"${when}" is not a rep (use 30, s2, s2r10, or s2L / s2Rr10 for one leg; counting starts at 1)`;
  const wakeUp = /^([1-9]\d*)$/.exec(when);
  if (wakeUp) return { phase: 'wake-up', rep: Number(wakeUp[1]) };
  // "s1r5" is rep 5 of set 1, and "s1r" the right leg of set 1: the side letter
  // only counts when what follows it is not a rep number.
  const work = /^s([1-9]\d*)([lr])?(?:r([1-9]\d*))?$/i.exec(when);
  if (work) {
    const side = work[2]?.toLowerCase();
    return {
      phase: 'work',
      set: Number(work[1]),
      rep: work[3] === undefined ? 'end' : Number(work[3]),
      ...(side === undefined ? {} : { side: side === 'l' ? 'left' : 'right' }),
    };
  }
  return notARep;
}

function parseDuration(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(text);
  if (!match) return null;
  const value = Number(match[1]);
  const unit = match[2] ?? 's';
  return value * (unit === 'h' ? 3600 : unit === 'm' ? 60 : 1);
}
