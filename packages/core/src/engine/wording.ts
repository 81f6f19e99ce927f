// The words a session uses for one rep of its exercise: the protocol's own
// `wording`, or those of prone ankle squeezes when it has none. Invariant: a
// protocol without `wording` sounds exactly as ankle squeezes always have.
import type { Protocol, Wording } from '../protocol/schema.js';

export type { Wording } from '../protocol/schema.js';

export const DEFAULT_WORDING: Readonly<Wording> = {
  rep: 'squeeze',
  instruction: 'Squeeze on the high tone, let go on the low tone.',
  squeezeLabel: 'Squeeze',
  releaseLabel: 'Release',
};

export function wordingOf(protocol: Protocol): Wording {
  return protocol.wording ?? { ...DEFAULT_WORDING };
}
