// The protocols a client's sessions ran, for the server's folds: the
// built-ins, and the program versions the client's therapist assigned. A
// session names its program as {id: the client's account id, version}; the
// program's protocol is found only among that client's own versions, so a
// ref to someone else's program never folds. Invariants: pure once the
// versions are loaded; a program document that does not pass core's program
// schema (rows written before programs had a schema) is treated as unknown,
// and its sessions stay unfolded rather than being folded with a guess.
import {
  findBuiltinProtocol,
  lookupWithPrograms,
  type ProgramDocument,
  type ProtocolLookup,
  type ProtocolRef,
  type SessionEvent,
} from '@glutewake/core';
import { validateProgram } from '@glutewake/core/validation';

/** The ref a session of this client's program version names. */
export function programRefOf(clientId: string, version: number): ProtocolRef {
  return { id: clientId, version };
}

/** The program versions the session.started events among `events` name for this client. */
export function programVersionsNamed(
  clientId: string,
  events: Iterable<SessionEvent | undefined>,
): number[] {
  const versions = new Set<number>();
  for (const event of events) {
    if (event?.type === 'session.started' && event.program?.id === clientId) {
      versions.add(event.program.version);
    }
  }
  return [...versions].sort((a, b) => a - b);
}

/** A lookup over the built-ins and these (stored, unchecked) program versions of one client. */
export function programAwareLookup(
  clientId: string,
  stored: readonly { version: number; program: unknown }[],
): ProtocolLookup {
  const programs = new Map<number, ProgramDocument>();
  for (const each of stored) {
    const checked = validateProgram(each.program);
    if (checked.ok) programs.set(each.version, checked.value);
  }
  return lookupWithPrograms(
    (id, version) => findBuiltinProtocol(id, version),
    (ref) => (ref.id === clientId ? (programs.get(ref.version)?.protocol ?? null) : null),
  );
}
