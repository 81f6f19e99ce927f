// Reading an export file back: JSON text in, a checked ExportDocument or a
// list of plain problems out ("sessions[3].events[5].rep must be a whole
// number between 1 and 500"). Uses zod, so it is reached only through the
// `@glutewake/core/validation` entry point. Invariants: every event passes
// core's own event schema; each session's log begins with its
// `session.started`, which names the same session; no session appears twice;
// a file from a newer format version is refused in so many words. The value
// returned is the parsed JSON itself (the schema only checks it), so nothing
// is trimmed or rewritten on the way in and a re-export gives the same bytes.
import { z } from 'zod';
import { sessionEventSchema } from '../engine/events.js';
import { validateWith, type ValidationResult } from '../protocol/problems.js';
import type { ExportDocument } from './document.js';
import { EXPORT_FORMAT, EXPORT_VERSION } from './version.js';

const sessionIdSchema = z
  .string({ error: 'must be text' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'must be 1 to 64 letters, digits, "-" or "_"' });

const exportSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT, { error: `must be "${EXPORT_FORMAT}"` }),
  version: z.literal(EXPORT_VERSION, { error: `must be ${EXPORT_VERSION}` }),
  sessions: z.array(
    z.strictObject({
      sessionId: sessionIdSchema,
      events: z.array(sessionEventSchema).min(1, { error: 'must hold at least one event' }),
    }),
    { error: 'must be a list' },
  ),
  preferences: z.record(z.string(), z.json({ error: 'must be plain JSON' }), {
    error: 'must be an object (a group of fields in braces)',
  }),
});

export function parseExport(text: string): ValidationResult<ExportDocument> {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable';
    return { ok: false, problems: [`the file is not valid JSON (${reason})`] };
  }
  const envelope = envelopeProblem(input);
  if (envelope !== null) return { ok: false, problems: [envelope] };
  const checked = validateWith(exportSchema, input);
  if (!checked.ok) return checked;
  // The checked input, not zod's output: the schema trims notes, the file must not change.
  const document = input as ExportDocument;
  const problems = logProblems(document);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: document };
}

/** Is this a Glutewake export at all, and one this version can read? */
function envelopeProblem(input: unknown): string | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return 'the file is not a Glutewake export (it does not hold an export document)';
  }
  const { format, version } = input as { format?: unknown; version?: unknown };
  if (format !== EXPORT_FORMAT) {
    return `the file is not a Glutewake export (format must be "${EXPORT_FORMAT}")`;
  }
  if (typeof version === 'number' && Number.isInteger(version) && version > EXPORT_VERSION) {
    return (
      `this export was made by a newer Glutewake (format version ${version}); ` +
      `this one reads version ${EXPORT_VERSION}. Update Glutewake, then import the file again.`
    );
  }
  return null;
}

function logProblems(document: ExportDocument): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  document.sessions.forEach((session, i) => {
    const first = session.events[0];
    if (first?.type !== 'session.started') {
      problems.push(
        `sessions[${i}].events[0].type must be "session.started": a log begins with it`,
      );
    } else if (first.sessionId !== session.sessionId) {
      problems.push(
        `sessions[${i}].events[0].sessionId must be "${session.sessionId}", the session's own id`,
      );
    }
    const earlier = seen.get(session.sessionId);
    if (earlier !== undefined) {
      problems.push(
        `sessions[${i}].sessionId "${session.sessionId}" appears twice (also in sessions[${earlier}])`,
      );
    } else {
      seen.set(session.sessionId, i);
    }
  });
  return problems;
}
