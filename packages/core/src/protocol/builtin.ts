// The protocols that ship with Glutewake, as data files, in ladder order:
// ankle squeezes wake the glutes, then bridges, hip thrusts, squats and
// lunges, each ready after the one before it (its `readiness.after`). Each is
// checked against the schema by the test suite, which is what makes the type
// assertions below safe: JSON imports are typed loosely by TypeScript.
import proneAnkleSqueeze from '../protocols/prone-ankle-squeeze.json' with { type: 'json' };
import gluteBridge from '../protocols/glute-bridge.json' with { type: 'json' };
import hipThrust from '../protocols/hip-thrust.json' with { type: 'json' };
import bodyweightSquat from '../protocols/bodyweight-squat.json' with { type: 'json' };
import lunge from '../protocols/lunge.json' with { type: 'json' };
import type { Protocol } from './schema.js';

export const builtinProtocols: readonly Protocol[] = [
  proneAnkleSqueeze as Protocol,
  gluteBridge as Protocol,
  hipThrust as Protocol,
  bodyweightSquat as Protocol,
  lunge as Protocol,
];

export function findBuiltinProtocol(id: string, version?: number): Protocol | null {
  return (
    builtinProtocols.find((p) => p.id === id && (version === undefined || p.version === version)) ??
    null
  );
}
