// A caseload for the portal's end-to-end tests, written into the e2e
// server's own database (its SQLite file, named by E2E_DATABASE_URL from
// playwright.config.ts) through the server's storage: client accounts join
// by invitation as they would through the API, and each client's sessions,
// played by core's simulator, go through the real sync push (checks,
// quarantine, summaries, statistics). Clients differ by their number, so
// every flag and readiness state shows up: quiet for a week, one glute
// still asleep, a rising symptom, an event set aside, ready for bridges.
import { randomUUID } from 'node:crypto';
import {
  findBuiltinProtocol,
  parseScript,
  simulateSession,
  type SessionEvent,
} from '@glutewake/core';
import { configFromEnv } from '../../apps/server/dist/config.js';
import { openStorage } from '../../apps/server/dist/storage/storage.js';

const DAY_MS = 86_400_000;
const FIRST = ['Ada', 'Ben', 'Cleo', 'Dev', 'Esme', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jon'];
const LAST = [
  'Abbott',
  'Brennan',
  'Castillo',
  'Dubois',
  'Eriksen',
  'Fontaine',
  'Garcia',
  'Hale',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Park',
  'Quinn',
  'Rossi',
  'Silva',
  'Tanaka',
];

export function databaseUrl(): string {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('E2E_DATABASE_URL is not set (playwright.config.ts sets it)');
  return url;
}

/** The name of client number `i` (0-based): unique for the first 200. */
export function clientName(i: number): string {
  return `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
}

interface Day {
  daysAgo: number;
  script: string;
  knee: number;
}

/** Client i's last few weeks, as sessions a day apart, oldest first. */
function historyOf(i: number): Day[] {
  const days: Day[] = [];
  const ready = i % 5 === 3;
  const leftAsleep = i % 7 === 1;
  const rising = i % 11 === 2;
  const quiet = i % 9 === 0 ? 6 : 0;
  const count = ready ? 9 : 3 + (i % 6);
  for (let n = 0; n < count; n++) {
    const daysAgo = quiet + (count - 1 - n) * (ready ? 1 : 2) + 0;
    const progress = (n + 1) / count;
    const left = Math.max(3, Math.round(22 - 16 * progress) + (i % 3));
    const right = Math.max(4, Math.round(26 - 18 * progress) + (i % 4));
    const balance = ready || n % 3 === 0 ? 'even' : i % 2 ? 'left-stronger' : 'right-stronger';
    const wake = ready
      ? `4:thighs ${Math.min(left, 8)}:left ${Math.min(right, 9)}:both`
      : leftAsleep
        ? `6:hamstrings ${right}:right`
        : `5:thighs ${Math.min(left, right - 1)}:left ${right}:both`;
    days.push({
      daysAgo,
      script: `${wake} s1:both/${balance} s2:both/${balance} s3:both/${balance}`,
      knee: rising ? (n < count / 2 ? 1 : 5) : Math.max(0, 4 - n),
    });
  }
  return days;
}

function sessionEvents(sessionId: string, day: Day, now: number): SessionEvent[] {
  const protocol = findBuiltinProtocol('prone-ankle-squeeze');
  const script = parseScript(day.script);
  if (protocol === null || !script.ok) throw new Error(`bad fixture script: ${day.script}`);
  const startAt = now - day.daysAgo * DAY_MS - 3 * 3_600_000;
  const { events } = simulateSession({
    protocol,
    script: script.actions,
    sessionId,
    startAt,
    settings: { timescale: 0.01 },
  });
  return [
    ...events,
    {
      type: 'symptoms.logged',
      at: (events.at(-1)?.at ?? startAt) + 1000,
      symptoms: { knee: day.knee, backStiffness: Math.max(0, day.knee - 1) },
      note: day.knee > 3 ? 'Knee a bit sore after the stairs.' : 'Felt it more on the right.',
    } as SessionEvent,
  ];
}

export interface Caseload {
  clientIds: string[];
}

export async function generateCaseload(
  clinicId: string,
  therapistId: string,
  count: number,
  now = Date.now(),
): Promise<Caseload> {
  const storage = openStorage(configFromEnv({ DATABASE_URL: databaseUrl() }).database);
  const clientIds: string[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const joinedAt = now - 40 * DAY_MS;
      const invitation = {
        id: randomUUID(),
        clinicId,
        kind: 'client' as const,
        createdBy: therapistId,
        therapistId,
        nameHint: clientName(i),
        createdAt: joinedAt,
        expiresAt: joinedAt + DAY_MS,
        usedAt: null,
        usedBy: null,
        revokedAt: null,
      };
      await storage.invitations.create(invitation, `e2e-code-hash-${invitation.id}`);
      const client = {
        id: randomUUID(),
        clinicId,
        role: 'client' as const,
        email: `client${i + 1}@caseload.example`,
        displayName: clientName(i),
        passwordHash: 'not-a-password-hash',
        therapistId,
        sharing: { history: 'all' as const, symptoms: true, notes: true },
        createdAt: joinedAt,
      };
      await storage.invitations.accept(invitation.id, client);
      clientIds.push(client.id);

      const deviceId = randomUUID();
      const incoming: { seq: number; sessionId: string; index: number; event: unknown }[] = [];
      historyOf(i).forEach((day, n) => {
        const sessionId = `e2e-${i}-${n}`;
        sessionEvents(sessionId, day, now).forEach((event, index) =>
          incoming.push({ seq: incoming.length + 1, sessionId, index, event }),
        );
      });
      if (i % 13 === 4) {
        // A rep no device could send: the server sets it aside.
        const sessionId = `e2e-${i}-odd`;
        incoming.push({
          seq: incoming.length + 1,
          sessionId,
          index: 0,
          event: { type: 'rep.completed', at: now - DAY_MS, rep: 9999 },
        });
      }
      for (let start = 0; start < incoming.length; start += 500) {
        await storage.sync.push(
          { clinicId, clientId: client.id, deviceId, events: incoming.slice(start, start + 500) },
          now,
        );
      }
    }
  } finally {
    await storage.close();
  }
  return { clientIds };
}
