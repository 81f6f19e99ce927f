// Every code the clinical export writes: the standard ones (SNOMED CT for the
// exercise and the body sites, LOINC for pain severity, HL7's observation
// categories, UCUM for seconds) and Glutewake's own code systems where no
// standard code exists. Invariants: each local code system has one URL under
// https://glutewake.app/fhir/ and each of its codes is listed here and in
// docs/fhir.md (a test compares the two); codes never change meaning once
// released; local codes are the identifiers the app itself uses (regions,
// balances, outcomes) so they read the same in every export.
import type { Balance, PhaseKind, Region, Symptom } from '@glutewake/core';
import type { CheckInReason, Outcome } from '@glutewake/core';
import type { CodeableConcept, Coding } from './fhir-types.js';

export const SNOMED = 'http://snomed.info/sct';
export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

const OURS = 'https://glutewake.app/fhir';

/** Identifier systems: our own ids, as they appear in the API and the CSV tables. */
export const IDENTIFIER_SYSTEMS = {
  account: `${OURS}/NamingSystem/account-id`,
  clinic: `${OURS}/NamingSystem/clinic-id`,
  session: `${OURS}/NamingSystem/session-id`,
  programVersion: `${OURS}/NamingSystem/program-version`,
  checkIn: `${OURS}/NamingSystem/check-in`,
  export: `${OURS}/NamingSystem/client-export`,
} as const;

export const CODE_SYSTEMS = {
  sessionFigures: `${OURS}/CodeSystem/session-figures`,
  symptom: `${OURS}/CodeSystem/symptom`,
  region: `${OURS}/CodeSystem/region`,
  balance: `${OURS}/CodeSystem/balance`,
  outcome: `${OURS}/CodeSystem/session-outcome`,
  phase: `${OURS}/CodeSystem/phase`,
  checkInReason: `${OURS}/CodeSystem/check-in-reason`,
  cue: `${OURS}/CodeSystem/cue`,
  staffRole: `${OURS}/CodeSystem/staff-role`,
} as const;

export const STAFF_ROLE_DISPLAYS = { owner: 'Clinic owner', therapist: 'Therapist' } as const;

export const CHECK_IN_QUESTIONNAIRE_URL = `${OURS}/Questionnaire/check-in`;
export const CHECK_IN_QUESTIONNAIRE_VERSION = '1';

/** Where a protocol document lives, for CarePlan.instantiatesUri. */
export function protocolUri(protocolId: string, version: number): string {
  return `https://glutewake.app/protocols/${encodeURIComponent(protocolId)}/${version}`;
}

export const EXERCISE_THERAPY: Coding = {
  system: SNOMED,
  code: '229065009',
  display: 'Exercise therapy',
};

export const PAIN_SEVERITY: Coding = {
  system: LOINC,
  code: '72514-3',
  display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
};

export function category(code: 'activity' | 'survey'): CodeableConcept {
  const display = code === 'activity' ? 'Activity' : 'Survey';
  return { coding: [{ system: OBSERVATION_CATEGORY, code, display }] };
}

export const SESSION_FIGURES = {
  leftGluteFiredAtRep: 'left-glute-fired-at-rep',
  rightGluteFiredAtRep: 'right-glute-fired-at-rep',
  wakeUpReps: 'wake-up-reps',
  workReps: 'work-reps',
  timeUnderTension: 'time-under-tension',
  balanceAtEnd: 'balance-at-end',
} as const;
export type SessionFigure = (typeof SESSION_FIGURES)[keyof typeof SESSION_FIGURES];

export const SESSION_FIGURE_DISPLAYS: Record<SessionFigure, string> = {
  'left-glute-fired-at-rep': 'Wake-up rep at which the left glute was first felt',
  'right-glute-fired-at-rep': 'Wake-up rep at which the right glute was first felt',
  'wake-up-reps': 'Reps done in the wake-up phase',
  'work-reps': 'Reps done in the work sets',
  'time-under-tension': 'Time spent squeezing and holding',
  'balance-at-end': 'How the two glutes compared in the last set that said so',
};

export function sessionFigureCode(figure: SessionFigure): CodeableConcept {
  const display = SESSION_FIGURE_DISPLAYS[figure];
  return {
    coding: [{ system: CODE_SYSTEMS.sessionFigures, code: figure, display }],
    text: display,
  };
}

/** Each symptom: our code, how people read it, and the SNOMED CT body site it concerns. */
export const SYMPTOM_CODES: Record<Symptom, { code: string; display: string; bodySite: Coding }> = {
  knee: {
    code: 'knee',
    display: 'Knee pain',
    bodySite: { system: SNOMED, code: '72696002', display: 'Knee region structure' },
  },
  foot: {
    code: 'foot',
    display: 'Foot pain',
    bodySite: { system: SNOMED, code: '56459004', display: 'Foot structure' },
  },
  hamstringCramping: {
    code: 'hamstring-cramping',
    display: 'Hamstring cramping',
    bodySite: { system: SNOMED, code: '88225001', display: 'Structure of hamstring muscle' },
  },
  backStiffness: {
    code: 'back-stiffness',
    display: 'Back stiffness',
    bodySite: { system: SNOMED, code: '37822005', display: 'Lower back structure' },
  },
};

export const REGION_DISPLAYS: Record<Region, string> = {
  thighs: 'Inner thighs',
  hamstrings: 'Hamstrings',
  back: 'Low back',
  left: 'Left glute',
  right: 'Right glute',
  none: 'Nothing yet',
};

export const BALANCE_DISPLAYS: Record<Balance, string> = {
  'left-stronger': 'Left stronger',
  even: 'Even',
  'right-stronger': 'Right stronger',
};

export const OUTCOME_DISPLAYS: Record<Outcome | 'in-progress', string> = {
  activated: 'Both glutes woke up',
  'one-side': 'One glute woke up',
  'not-yet': 'Neither glute woke up yet',
  completed: 'Done (no wake-up phase)',
  stopped: 'Stopped early',
  'in-progress': 'Not finished',
};

export const PHASE_DISPLAYS: Record<PhaseKind, string> = {
  'wake-up': 'Wake-up',
  work: 'Work sets',
};

export const CHECK_IN_REASON_DISPLAYS: Record<CheckInReason, string> = {
  interval: 'Every few reps',
  cap: 'The wake-up reached its safety limit',
  'set-end': 'End of a work set',
};

export function regionCoding(region: Region): Coding {
  return { system: CODE_SYSTEMS.region, code: region, display: REGION_DISPLAYS[region] };
}

export function balanceCoding(balance: Balance): Coding {
  return { system: CODE_SYSTEMS.balance, code: balance, display: BALANCE_DISPLAYS[balance] };
}

export function phaseCoding(phase: PhaseKind): Coding {
  return { system: CODE_SYSTEMS.phase, code: phase, display: PHASE_DISPLAYS[phase] };
}

export function reasonCoding(reason: CheckInReason): Coding {
  const display = CHECK_IN_REASON_DISPLAYS[reason];
  return { system: CODE_SYSTEMS.checkInReason, code: reason, display };
}
