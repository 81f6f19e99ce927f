// Starting a new session from the person's preferences, and the runner's
// dependencies drawn from the app's services.
import type { SessionSettings } from '@glutewake/core';
import type { Services } from '../services.js';
import { SessionRunner, type RunnerDeps } from './runner.js';

export const DEFAULT_PROTOCOL = { id: 'prone-ankle-squeeze', version: 1 } as const;

export function runnerDeps(services: Services): RunnerDeps {
  return {
    log: services.log,
    player: services.player,
    lookup: services.lookup,
    onChange: () => services.notify(),
  };
}

export function settingsFromPreferences(services: Services): SessionSettings {
  const { prefs } = services;
  const settings: SessionSettings = {
    holdMs: prefs.holdMs,
    restBetweenSetsSeconds: prefs.restBetweenSetsSeconds,
    checkInEveryReps: prefs.checkInEveryReps,
    spokenCounts: prefs.spokenCounts,
  };
  const { timescale, answerTimeoutSeconds } = services.seams;
  return {
    ...settings,
    ...(timescale < 1 ? { timescale, speakSetup: false } : {}),
    ...(answerTimeoutSeconds !== null ? { answerTimeoutSeconds } : {}),
  };
}

export async function startSession(services: Services): Promise<SessionRunner> {
  await services.runner?.dispose();
  services.runner = null;
  const runner = await SessionRunner.start(
    runnerDeps(services),
    DEFAULT_PROTOCOL,
    settingsFromPreferences(services),
  );
  services.runner = runner;
  services.notify();
  return runner;
}
