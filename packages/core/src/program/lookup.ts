// Finding the protocol a session ran when it may have run a program. A
// session whose `session.started` names no program folds with the base
// lookup (the built-in protocols, as before); one that names a program
// folds with that program version's protocol, and with nothing else: when
// the version is unknown here, or its protocol is not the one the session
// names, the lookup answers null and the session stays unfolded rather than
// being folded with a protocol it did not run.
import type { ProtocolLookup } from '../engine/apply.js';
import type { ProtocolRef } from '../engine/events.js';
import type { Protocol } from '../protocol/schema.js';

/** The protocol of the program version a ref names, when known. */
export type ProgramProtocols = (program: ProtocolRef) => Protocol | null;

export function lookupWithPrograms(
  base: ProtocolLookup,
  programProtocol: ProgramProtocols,
): ProtocolLookup {
  return (id, version, program) => {
    if (program === undefined || program === null) return base(id, version);
    const protocol = programProtocol(program);
    return protocol !== null && protocol.id === id && protocol.version === version
      ? protocol
      : null;
  };
}

/** The key a program version goes by on a device: "id@version". */
export function programKey(program: ProtocolRef): string {
  return `${program.id}@${program.version}`;
}
