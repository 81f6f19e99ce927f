// Practice histories written as short scripts, one session per line:
//   "11-01 L12 R15 even knee=3"   ankle squeezes on 2026-11-01: left glute
//                                 fired at rep 12, right at 15, the last set
//                                 felt even, knee scored 3
//   "11-02 bridge L- R8 left"     a glute bridge session: left never fired,
//                                 right at 8, left stronger at the end
//   "11-03 stopped"               stopped early (reps done, nothing felt)
//   "11-04 prime"                 a pre-activation block: work, no wake-up
// Days are MM-DD in 2026 or full YYYY-MM-DD. Outcome follows what fired
// unless a word (stopped, not-yet, in-progress) says otherwise.
import { dayNumber, type PracticeRecord } from '../src/index.js';

const PROTOCOL_ALIASES: Record<string, string> = {
  ankle: 'prone-ankle-squeeze',
  bridge: 'glute-bridge',
  thrust: 'hip-thrust',
  squat: 'bodyweight-squat',
  lunge: 'lunge',
};
const SYMPTOM_ALIASES = {
  knee: 'knee',
  foot: 'foot',
  cramp: 'hamstringCramping',
  back: 'backStiffness',
} as const;
const BALANCE_WORDS = { even: 'even', left: 'left-stronger', right: 'right-stronger' } as const;

export function history(script: string): PracticeRecord[] {
  return script
    .split(/[\n;]/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, index) => record(line, index));
}

function record(line: string, index: number): PracticeRecord {
  const [dayToken = '', ...tokens] = line.split(/\s+/);
  const day = dayToken.length === 5 ? `2026-${dayToken}` : dayToken;
  dayNumber(day);
  const result: PracticeRecord = {
    sessionId: `s${String(index).padStart(3, '0')}`,
    protocolId: 'prone-ankle-squeeze',
    programVersion: null,
    day,
    startedAt: dayNumber(day) * 86_400_000 + 8 * 3_600_000 + index * 60_000,
    outcome: 'not-yet',
    measured: true,
    wakeUpReps: 30,
    leftFiredAtRep: null,
    rightFiredAtRep: null,
    lastBalance: null,
    workReps: 0,
    symptoms: null,
  };
  let outcomeWord: PracticeRecord['outcome'] | null = null;
  for (const token of tokens) {
    const fired = /^([LR])(\d+|-)$/.exec(token);
    const symptom = /^(\w+)=(\d+)$/.exec(token);
    if (PROTOCOL_ALIASES[token]) result.protocolId = PROTOCOL_ALIASES[token];
    else if (fired) {
      const rep = fired[2] === '-' ? null : Number(fired[2]);
      if (fired[1] === 'L') result.leftFiredAtRep = rep;
      else result.rightFiredAtRep = rep;
    } else if (token in BALANCE_WORDS) {
      result.lastBalance = BALANCE_WORDS[token as keyof typeof BALANCE_WORDS];
    } else if (symptom && symptom[1] && symptom[1] in SYMPTOM_ALIASES) {
      const name = SYMPTOM_ALIASES[symptom[1] as keyof typeof SYMPTOM_ALIASES];
      result.symptoms = { ...result.symptoms, [name]: Number(symptom[2]) };
    } else if (token === 'prime') {
      Object.assign(result, { measured: false, wakeUpReps: 0 });
      outcomeWord = 'completed';
    } else if (token === 'stopped' || token === 'not-yet' || token === 'in-progress') {
      outcomeWord = token;
    } else throw new Error(`bad history line "${line}": unknown word "${token}"`);
  }
  const firedCount = [result.leftFiredAtRep, result.rightFiredAtRep].filter(
    (r) => r !== null,
  ).length;
  result.outcome =
    outcomeWord ?? (firedCount === 2 ? 'activated' : firedCount === 1 ? 'one-side' : 'not-yet');
  if (result.outcome === 'activated' || result.outcome === 'completed') result.workReps = 60;
  return result;
}

export const bridgeRule = {
  after: 'prone-ankle-squeeze',
  minPracticeDays: 7,
  withinDays: 14,
  recentSessions: 3,
  bothFiredWithinReps: 10,
  evenBalance: true,
} as const;
