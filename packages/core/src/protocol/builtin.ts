// The protocols that ship with Glutewake, as data files. Each is checked
// against the schema by the test suite, which is what makes the type
// assertion below safe: JSON imports are typed loosely by TypeScript.
import proneAnkleSqueeze from '../protocols/prone-ankle-squeeze.json' with { type: 'json' };
import type { Protocol } from './schema.js';

export const builtinProtocols: readonly Protocol[] = [proneAnkleSqueeze as Protocol];

export function findBuiltinProtocol(id: string, version?: number): Protocol | null {
  return (
    builtinProtocols.find((p) => p.id === id && (version === undefined || p.version === version)) ??
    null
  );
}
