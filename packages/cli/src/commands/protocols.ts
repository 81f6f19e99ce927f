// `glutewake protocols [--json]`: the built-in protocols.
import { builtinProtocols } from '@glutewake/core';
import { EXIT, type CliIo } from '../io.js';

export function protocolsCommand(io: CliIo, options: { json: boolean }): number {
  const listed = builtinProtocols.map((protocol) => ({
    id: protocol.id,
    version: protocol.version,
    name: protocol.name,
    purpose: protocol.purpose,
    phases: protocol.phases.map((phase) => phase.kind),
  }));
  if (options.json) {
    io.out(JSON.stringify(listed, null, 2));
    return EXIT.ok;
  }
  const width = Math.max(...listed.map((p) => p.id.length), 2);
  io.out(`${'ID'.padEnd(width)}  VERSION  NAME`);
  for (const p of listed)
    io.out(`${p.id.padEnd(width)}  ${String(p.version).padEnd(7)}  ${p.name}: ${p.purpose}`);
  return EXIT.ok;
}
