// Shared fixtures for the core's tests: the built-in protocols, a lookup that
// knows them, and `run("10:thighs 30:both")`, which simulates a scripted
// session on the virtual clock (ankle squeezes unless another protocol is
// given). Scripts that do not parse fail the test loudly.
import {
  builtinProtocols,
  findBuiltinProtocol,
  parseScript,
  simulateSession,
  type Protocol,
  type ProtocolLookup,
  type ScriptAction,
  type SessionSettings,
  type Simulation,
  type SimulationOptions,
} from '../src/index.js';

const found = findBuiltinProtocol('prone-ankle-squeeze', 1);
if (found === null) throw new Error('the built-in prone-ankle-squeeze protocol is missing');
export const squeezes: Protocol = found;

export const lookup: ProtocolLookup = (id, version) => findBuiltinProtocol(id, version);

/** A built-in protocol by id; a missing one fails the test loudly. */
export function builtin(id: string): Protocol {
  const protocol = findBuiltinProtocol(id);
  if (protocol === null) throw new Error(`the built-in ${id} protocol is missing`);
  return protocol;
}

export function lookupFor(protocol: Protocol): ProtocolLookup {
  return (id, version) => (id === protocol.id && version === protocol.version ? protocol : null);
}

export function script(text: string): ScriptAction[] {
  const parsed = parseScript(text);
  if (!parsed.ok) throw new Error(`bad test script "${text}": ${parsed.problems.join('; ')}`);
  return parsed.actions;
}

export interface RunOptions extends Omit<SimulationOptions, 'protocol' | 'script'> {
  protocol?: Protocol;
  settings?: SessionSettings;
}

/** Simulates a session of the built-in protocol (or `protocol`) following a script. */
export function run(text: string, options: RunOptions = {}): Simulation {
  return simulateSession({ protocol: squeezes, ...options, script: script(text) });
}

/** A deep copy of the built-in protocol, for tests that change it. */
export function protocolCopy(): Protocol {
  return structuredClone(squeezes);
}

export { builtinProtocols };

/** Variations on the built-in protocol that exercise the engine's other paths. */
export const protocolVariants = {
  builtin: squeezes,
  'no-set-check-ins': withChanges((p) => {
    const work = p.phases.find((phase) => phase.kind === 'work');
    if (work) work.checkInAfterEachSet = false;
  }),
  'work-only': withChanges((p) => {
    p.phases = p.phases.filter((phase) => phase.kind === 'work');
  }),
  'wake-up-only': withChanges((p) => {
    p.phases = p.phases.filter((phase) => phase.kind === 'wake-up');
  }),
  'per-side': withChanges((p) => {
    const work = p.phases.find((phase) => phase.kind === 'work');
    if (work) work.perSide = true;
  }),
  'no-rests': withChanges((p) => {
    p.tempo.restBetweenRepsMs = 0;
    p.adjustable.restBetweenSetsSeconds.min = 0;
    for (const phase of p.phases) {
      if (phase.kind === 'work')
        Object.assign(phase, { restBetweenSetsSeconds: 0, leadInSeconds: 0 });
    }
  }),
} satisfies Record<string, Protocol>;

function withChanges(change: (protocol: Protocol) => void): Protocol {
  const copy = protocolCopy();
  change(copy);
  return copy;
}
