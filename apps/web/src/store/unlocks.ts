// Exercises a person chose to unlock before their readiness rule was met,
// kept in the prefs store under one key. An unlock is never removed by the
// app itself: once someone has moved on, the ladder keeps that rung open.
import type { EarlyUnlock } from '@glutewake/core';
import type { GlutewakeDb } from './db.js';

const KEY = 'earlyUnlocks';

export async function loadEarlyUnlocks(db: GlutewakeDb): Promise<EarlyUnlock[]> {
  const stored = (await db.get('prefs', KEY)) as EarlyUnlock[] | undefined;
  return Array.isArray(stored) ? stored : [];
}

export async function unlockEarly(
  db: GlutewakeDb,
  protocolId: string,
  at: number,
): Promise<EarlyUnlock[]> {
  const tx = db.transaction('prefs', 'readwrite', { durability: 'strict' });
  const current = ((await tx.store.get(KEY)) as EarlyUnlock[] | undefined) ?? [];
  const next = current.some((unlock) => unlock.protocolId === protocolId)
    ? current
    : [...current, { protocolId, at }];
  await tx.store.put(next, KEY);
  await tx.done;
  return next;
}
