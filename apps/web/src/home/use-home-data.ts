// What Home needs to know, loaded once per visit: the paused session (if
// any), the practice history, early unlocks, the therapist's program (its
// unlocks and message, when one was pulled), and from them where the person
// stands on the ladder today.
import { useEffect, useState } from 'preact/hooks';
import {
  builtinProtocols,
  consistencyOf,
  foldSession,
  isAvailable,
  ladderStatus,
  standing,
  type Consistency,
  type PracticeRecord,
  type Rung,
} from '@glutewake/core';
import type { Services } from '../services.js';
import { recordsOf, today } from '../progress/records.js';
import { loadEarlyUnlocks } from '../store/unlocks.js';
import { whereItStands } from '../ui/format.js';

export interface HomeData {
  paused: { sessionId: string; where: string } | null;
  records: PracticeRecord[];
  last: PracticeRecord | null;
  consistency: Consistency;
  rungs: Rung[];
  /** The therapist's short line for the client, from their program. */
  therapistMessage: string | null;
  current: Rung | null;
  next: Rung | null;
}

export function useHomeData(services: Services): HomeData | null {
  const [data, setData] = useState<HomeData | null>(null);
  useEffect(() => {
    void (async () => {
      const sessions = await services.log.sessions();
      const unfinished = sessions.find((s) => !s.ended);
      let paused: HomeData['paused'] = null;
      if (unfinished) {
        const state = foldSession(
          services.lookup,
          await services.log.eventsOf(unfinished.sessionId),
        );
        paused = { sessionId: unfinished.sessionId, where: whereItStands(state) };
      }
      const records = recordsOf(sessions.filter((s) => s.ended));
      const day = today();
      const rungs = ladderStatus(
        builtinProtocols,
        records,
        day,
        await loadEarlyUnlocks(services.db),
        services.currentProgram()?.program.unlocks ?? {},
      );
      const latestMeasured = [...records]
        .filter((r) => r.measured)
        .sort((a, b) => b.startedAt - a.startedAt)[0];
      setData({
        paused,
        records,
        last: latestMeasured ?? null,
        consistency: consistencyOf(records, day),
        rungs,
        therapistMessage: services.currentProgram()?.program.message ?? null,
        ...standing(rungs),
      });
    })();
  }, [services, services.programs, services.accountId]);
  return data;
}

/** The exercise Home starts: the one practised last while it is still open, else the highest open one. */
export function exerciseToStart(data: HomeData | null): Rung['protocol'] | null {
  if (data === null) return null;
  const latest = [...data.records].sort((a, b) => b.startedAt - a.startedAt)[0];
  const latestRung = data.rungs.find((rung) => rung.protocol.id === latest?.protocolId);
  return latestRung && isAvailable(latestRung)
    ? latestRung.protocol
    : (data.current?.protocol ?? null);
}
