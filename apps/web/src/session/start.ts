// Starting sessions on this device: any built-in protocol by id, with the
// person's own settings applied where the protocol allows them, and, when
// asked, the protocol's short pre-activation block run first as a session of
// its own (the named protocol's work reps only, no wake-up). Invariant: the
// block's `session.started` names the exercise it leads into (settings
// `leadsInto`), so its end screen can offer to go straight on, even after a
// reload, and its farewell tells the person to get into position. When the
// therapist assigned a program for the exercise, the session runs that
// program's protocol with its favoured cues and its session.started names
// the program version, so it folds with that protocol anywhere, later.
import {
  findBuiltinProtocol,
  type Protocol,
  type ProtocolRef,
  type SessionSettings,
} from '@glutewake/core';
import type { Services } from '../services.js';
import { DEFAULT_PREFERENCES, type Preferences } from '../store/prefs.js';
import { SessionRunner, type RunnerDeps } from './runner.js';

export interface StartOptions {
  /** Run the protocol's pre-activation block first, when it has one. */
  withPreActivation: boolean;
}

export function runnerDeps(services: Services): RunnerDeps {
  return {
    log: services.log,
    player: services.player,
    lookup: services.lookup,
    onChange: () => services.notify(),
  };
}

type Range = { min: number; max: number };
type TunedPreference = 'holdMs' | 'restBetweenSetsSeconds' | 'checkInEveryReps';

/**
 * The person's settings for one protocol. A timing they changed in Settings
 * applies when it lies inside the protocol's adjustable range; otherwise the
 * protocol's own default stands (a preference tuned for ankle squeezes is not
 * forced onto squats). Counting aloud always follows the person's choice.
 */
export function settingsFor(
  prefs: Preferences,
  seams: Services['seams'],
  protocol: Protocol,
): SessionSettings {
  const { adjustable } = protocol;
  const chosen = (key: TunedPreference, range: Range): number | undefined => {
    const value = prefs[key];
    const changed = value !== DEFAULT_PREFERENCES[key];
    return changed && value >= range.min && value <= range.max ? value : undefined;
  };
  const holdMs = chosen('holdMs', adjustable.holdMs);
  const restBetweenSetsSeconds = chosen(
    'restBetweenSetsSeconds',
    adjustable.restBetweenSetsSeconds,
  );
  const checkInEveryReps = chosen('checkInEveryReps', adjustable.checkInEveryReps);
  const { timescale, answerTimeoutSeconds } = seams;
  return {
    ...(holdMs !== undefined ? { holdMs } : {}),
    ...(restBetweenSetsSeconds !== undefined ? { restBetweenSetsSeconds } : {}),
    ...(checkInEveryReps !== undefined ? { checkInEveryReps } : {}),
    spokenCounts: prefs.spokenCounts,
    ...(timescale < 1 ? { timescale, speakSetup: false } : {}),
    ...(answerTimeoutSeconds !== null ? { answerTimeoutSeconds } : {}),
  };
}

/** The pre-activation block before `main`: one set of its reps, without the wake-up. */
export function preActivationPlan(
  services: Pick<Services, 'prefs' | 'seams'>,
  main: Protocol,
): { protocol: Protocol; settings: SessionSettings } | null {
  const block = main.preActivation;
  const protocol = block ? findBuiltinProtocol(block.protocol) : null;
  if (!block || protocol === null) return null;
  return {
    protocol,
    settings: {
      ...settingsFor(services.prefs, services.seams, protocol),
      skipWakeUp: true,
      sets: 1,
      repsPerSet: block.reps,
      leadsInto: { id: main.id, version: main.version },
    },
  };
}

/**
 * Starts a session of the built-in protocol `protocolId` (its pre-activation
 * block first, when asked and the protocol has one) and makes it the current
 * runner. Rejects when the protocol is unknown or the start cannot be stored.
 */
/**
 * The therapist's program for this exercise, when the assigned program is
 * for it: its protocol (with their adjustments) and its favoured cues. The
 * therapist's timings stand over the person's own timing preferences;
 * counting aloud and the testing seams still apply.
 */
export function programPlan(
  services: Pick<Services, 'prefs' | 'seams' | 'currentProgram'>,
  protocolId: string,
): { protocol: Protocol; settings: SessionSettings; program: ProtocolRef } | null {
  const kept = services.currentProgram();
  if (kept === null || kept.program.protocol.id !== protocolId) return null;
  const { protocol, favouredCues } = kept.program;
  const { timescale, answerTimeoutSeconds } = services.seams;
  return {
    protocol,
    program: kept.ref,
    settings: {
      spokenCounts: services.prefs.spokenCounts,
      ...(favouredCues.length > 0 ? { favouredCues } : {}),
      ...(timescale < 1 ? { timescale, speakSetup: false } : {}),
      ...(answerTimeoutSeconds !== null ? { answerTimeoutSeconds } : {}),
    },
  };
}

export async function startProtocolSession(
  services: Services,
  protocolId: string,
  options: StartOptions,
): Promise<SessionRunner> {
  const assigned = programPlan(services, protocolId);
  const main = assigned?.protocol ?? findBuiltinProtocol(protocolId);
  if (main === null) throw new Error(`There is no built-in exercise "${protocolId}".`);
  const before = options.withPreActivation ? preActivationPlan(services, main) : null;
  const { protocol, settings, program } = before
    ? { ...before, program: undefined }
    : {
        protocol: main,
        settings: assigned?.settings ?? settingsFor(services.prefs, services.seams, main),
        program: assigned?.program,
      };
  await services.runner?.dispose();
  services.runner = null;
  const runner = await SessionRunner.start(
    runnerDeps(services),
    { id: protocol.id, version: protocol.version },
    settings,
    program,
  );
  services.runner = runner;
  services.notify();
  return runner;
}
