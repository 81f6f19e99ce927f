// `glutewake protocols [--json]`: the built-in protocols, in ladder order. Each
// rung after the first names the exercise it follows and its readiness rule,
// so the order of the ladder is visible in the data itself.
import { builtinProtocols } from '@glutewake/core';
import { EXIT, type CliIo } from '../io.js';

export function protocolsCommand(io: CliIo, options: { json: boolean }): number {
  const listed = builtinProtocols.map((protocol) => ({
    id: protocol.id,
    version: protocol.version,
    name: protocol.name,
    purpose: protocol.purpose,
    phases: protocol.phases.map((phase) => phase.kind),
    perSide: protocol.phases.some((phase) => phase.kind === 'work' && phase.perSide === true),
    readiness: protocol.readiness ?? null,
    preActivation: protocol.preActivation ?? null,
  }));
  if (options.json) {
    io.out(JSON.stringify(listed, null, 2));
    return EXIT.ok;
  }
  const width = Math.max(...listed.map((p) => p.id.length), 2);
  io.out(`${'ID'.padEnd(width)}  VERSION  NAME`);
  for (const p of listed) {
    const after = p.readiness === null ? '' : ` (after ${p.readiness.after})`;
    io.out(
      `${p.id.padEnd(width)}  ${String(p.version).padEnd(7)}  ${p.name}${after}: ${p.purpose}`,
    );
  }
  return EXIT.ok;
}
