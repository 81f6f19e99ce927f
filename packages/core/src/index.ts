// @glutewake/core: protocols as data, the session engine (a fold over typed
// events, with time passed in), the cue timeline, the numbers a session yields,
// and a virtual-clock simulator. No DOM, no Node, no clock reads, no I/O.
export * from './vocabulary.js';
export type {
  Protocol,
  ProtocolPhase,
  WakeUpPhase,
  WorkPhase,
  Tempo,
  Cue,
  CueRule,
  CueCondition,
  Wording,
  PreActivation,
} from './protocol/schema.js';
export type { ReadinessRule } from './protocol/readiness.js';
export { builtinProtocols, findBuiltinProtocol } from './protocol/builtin.js';
export type {
  SessionEvent,
  SessionEventType,
  EventOf,
  SessionSettings,
  ProtocolRef,
  SymptomScores,
} from './engine/events.js';
export { SESSION_EVENT_TYPES, EVENT_SCHEMA_VERSION } from './engine/event-types.js';
export { resolvePlan, estimateSpeechMs, repActiveMs, type SessionPlan } from './engine/plan.js';
export * from './engine/state.js';
export { applyEvent, foldSession, type ProtocolLookup } from './engine/apply.js';
export {
  PROGRAM_SCHEMA_VERSION,
  type ProgramBase,
  type ProgramDocument,
  type ProtocolAdjustments,
  type TherapistUnlock,
} from './program/types.js';
export { lookupWithPrograms, programKey, type ProgramProtocols } from './program/lookup.js';
export { advance, nextClockEvent, type Advanced } from './engine/clock.js';
export {
  timelineOf,
  type Timeline,
  type TimelineStep,
  type Sound,
  type Tone,
  type StepKind,
} from './engine/timeline.js';
export { chooseCues, type NewReport } from './engine/cue-rules.js';
export { summarize, type SessionSummary } from './engine/summary.js';
export { phrases } from './engine/phrases.js';
export { DEFAULT_WORDING, wordingOf } from './engine/wording.js';
export { setLabel, sideOfSet, type SetLabel } from './engine/sides.js';
export {
  parseScript,
  type ScriptAction,
  type ScriptMoment,
  type ScriptResult,
} from './simulate/script.js';
export {
  simulateSession,
  DEFAULT_SIMULATION_START,
  type Simulation,
  type SimulationOptions,
  type PlayedStep,
} from './simulate/simulate.js';
export { planOutline, type PlanOutline } from './simulate/outline.js';
export * from './progress/index.js';
export * from './export/index.js';
export * from './reminders/index.js';
