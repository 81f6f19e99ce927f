// Small display helpers: clock times, dates and where a session stands.
import type { SessionState } from '@glutewake/core';
import { messages } from '../messages.js';

export function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

export function day(epochMs: number): string {
  return new Date(epochMs).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** "wake-up rep 12" or "set 2, rep 7": where a paused session will carry on. */
export function whereItStands(state: SessionState): string {
  const position = state.position.kind === 'paused' ? state.position.resumeTo : state.position;
  const where = messages.whereItStands;
  if (position.kind === 'block') {
    return position.phase === 'wake-up'
      ? where.wakeUpRep(position.nextRep)
      : where.setRep(position.set ?? 1, state.plan?.work?.sets ?? 1, position.nextRep);
  }
  if (position.kind === 'check-in') return where.checkIn;
  return where.start;
}
