// Each session of a clinical export: a Procedure (the session itself, based
// on the plan it was done under, its period and outcome) and Observations
// that are part of it: the rep at which each glute fired, the wake-up and
// work reps, the time under tension, the balance at the end, and each
// symptom score (LOINC 72514-3, 0 to 10, with its body site). Invariants:
// pure; a figure that is not known (a glute that never fired, no balance
// said) has no Observation rather than an invented value; symptoms and the
// note appear only when the input carries them (the sharing filter ran
// before); Observations of an unfinished session are preliminary.
import { BALANCES, findBuiltinProtocol, SYMPTOMS, type Balance } from '@glutewake/core';
import type { Account } from '../storage/types.js';
import {
  balanceCoding,
  category,
  CODE_SYSTEMS,
  EXERCISE_THERAPY,
  IDENTIFIER_SYSTEMS,
  OUTCOME_DISPLAYS,
  PAIN_SEVERITY,
  SESSION_FIGURES,
  sessionFigureCode,
  SYMPTOM_CODES,
  UCUM,
  type SessionFigure,
} from './fhir-codes.js';
import { fhirInstant, type ExportedSessionRecord } from './export-input.js';
import { referenceTo, resourceIds } from './fhir-ids.js';
import type { Observation, Procedure } from './fhir-types.js';

export interface SessionContext {
  clinicId: string;
  client: Account;
  carePlanId: string;
}

function procedureStatus(
  outcome: ExportedSessionRecord['summary']['outcome'],
): Procedure['status'] {
  if (outcome === 'in-progress') return 'in-progress';
  if (outcome === 'stopped') return 'stopped';
  return 'completed';
}

function protocolName(protocol: { id: string; version: number } | null): string {
  if (protocol === null) return 'Exercise session';
  return findBuiltinProtocol(protocol.id, protocol.version)?.name ?? protocol.id;
}

export function procedureOf(record: ExportedSessionRecord, context: SessionContext): Procedure {
  const { summary } = record;
  const { startedAt, endedAt, outcome } = summary;
  return {
    resourceType: 'Procedure',
    id: resourceIds.procedure(context.clinicId, summary.sessionId),
    identifier: [{ system: IDENTIFIER_SYSTEMS.session, value: summary.sessionId }],
    basedOn: [referenceTo(context.carePlanId)],
    status: procedureStatus(outcome),
    code: { coding: [EXERCISE_THERAPY], text: protocolName(summary.protocol) },
    subject: referenceTo(
      resourceIds.patient(context.clinicId, context.client.id),
      context.client.displayName,
    ),
    ...(startedAt === null
      ? {}
      : {
          performedPeriod: {
            start: fhirInstant(startedAt),
            ...(endedAt === null ? {} : { end: fhirInstant(endedAt) }),
          },
        }),
    outcome: {
      coding: [{ system: CODE_SYSTEMS.outcome, code: outcome, display: OUTCOME_DISPLAYS[outcome] }],
      text: OUTCOME_DISPLAYS[outcome],
    },
    ...(summary.note === null || summary.note.trim() === ''
      ? {}
      : { note: [{ text: summary.note }] }),
  };
}

type FigureValue =
  | { valueInteger: number }
  | { valueQuantity: Observation['valueQuantity'] & object }
  | { valueCodeableConcept: Observation['valueCodeableConcept'] & object };

function isBalance(value: string | null): value is Balance {
  return value !== null && (BALANCES as readonly string[]).includes(value);
}

/** The figures a session yields, in a fixed order; unknown ones are left out. */
function figuresOf(record: ExportedSessionRecord): [SessionFigure, FigureValue][] {
  const { summary } = record;
  const figures: [SessionFigure, FigureValue][] = [];
  if (summary.leftFiredAtRep !== null) {
    figures.push([SESSION_FIGURES.leftGluteFiredAtRep, { valueInteger: summary.leftFiredAtRep }]);
  }
  if (summary.rightFiredAtRep !== null) {
    figures.push([SESSION_FIGURES.rightGluteFiredAtRep, { valueInteger: summary.rightFiredAtRep }]);
  }
  figures.push([SESSION_FIGURES.wakeUpReps, { valueInteger: summary.summary.wakeUp.reps }]);
  figures.push([SESSION_FIGURES.workReps, { valueInteger: summary.workReps }]);
  figures.push([
    SESSION_FIGURES.timeUnderTension,
    {
      valueQuantity: {
        value: summary.summary.timeUnderTensionSeconds,
        unit: 's',
        system: UCUM,
        code: 's',
      },
    },
  ]);
  if (isBalance(summary.lastBalance)) {
    figures.push([
      SESSION_FIGURES.balanceAtEnd,
      { valueCodeableConcept: { coding: [balanceCoding(summary.lastBalance)] } },
    ]);
  }
  return figures;
}

export function observationsOf(
  record: ExportedSessionRecord,
  context: SessionContext,
): Observation[] {
  const { summary } = record;
  const { clinicId, client } = context;
  const procedureId = resourceIds.procedure(clinicId, summary.sessionId);
  const status: Observation['status'] = summary.outcome === 'in-progress' ? 'preliminary' : 'final';
  const effectiveAt = summary.endedAt ?? summary.startedAt;
  const common = {
    resourceType: 'Observation' as const,
    partOf: [referenceTo(procedureId)],
    status,
    subject: referenceTo(resourceIds.patient(clinicId, client.id), client.displayName),
  };
  const figures = figuresOf(record).map(([figure, value]): Observation => ({
    ...common,
    id: resourceIds.observation(clinicId, summary.sessionId, figure),
    category: [category('activity')],
    code: sessionFigureCode(figure),
    ...(effectiveAt === null ? {} : { effectiveDateTime: fhirInstant(effectiveAt) }),
    ...value,
  }));
  const loggedAt = record.symptomsLoggedAt ?? effectiveAt;
  const symptoms = SYMPTOMS.flatMap((symptom): Observation[] => {
    const score = summary.symptoms?.[symptom];
    if (score === undefined) return [];
    const { code, display, bodySite } = SYMPTOM_CODES[symptom];
    return [
      {
        ...common,
        id: resourceIds.observation(clinicId, summary.sessionId, `symptom-${code}`),
        status: 'final',
        category: [category('survey')],
        code: {
          coding: [PAIN_SEVERITY, { system: CODE_SYSTEMS.symptom, code, display }],
          text: `${display} (0 to 10)`,
        },
        ...(loggedAt === null ? {} : { effectiveDateTime: fhirInstant(loggedAt) }),
        valueInteger: score,
        bodySite: { coding: [bodySite], text: bodySite.display },
      },
    ];
  });
  return [...figures, ...symptoms];
}
