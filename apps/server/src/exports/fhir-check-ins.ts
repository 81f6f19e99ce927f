// The coach's check-ins in a clinical export: the Questionnaire they answer
// (canonical https://glutewake.app/fhir/Questionnaire/check-in, version 1,
// exported once in every bundle) and one QuestionnaireResponse per check-in
// of a session: the phase, set and rep at which it was asked, why, where the
// squeeze was felt, the balance, and which cues the coach gave in reply.
// Invariants: pure; a check-in nobody answered is a "stopped" response
// without felt or balance items; an item with no answer is left out; every
// answer's code is one of the Questionnaire's options (cues excepted: their
// codes are the cue ids of the protocol the plan names).
import { BALANCES, PHASE_KINDS, REGIONS, type CheckInRecord } from '@glutewake/core';
import {
  balanceCoding,
  CHECK_IN_QUESTIONNAIRE_URL,
  CHECK_IN_QUESTIONNAIRE_VERSION,
  CHECK_IN_REASON_DISPLAYS,
  CODE_SYSTEMS,
  IDENTIFIER_SYSTEMS,
  phaseCoding,
  reasonCoding,
  regionCoding,
} from './fhir-codes.js';
import { fhirInstant } from './export-input.js';
import { referenceTo, resourceIds } from './fhir-ids.js';
import type { SessionContext } from './fhir-sessions.js';
import type {
  Questionnaire,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
} from './fhir-types.js';

export const CHECK_IN_ITEMS = {
  phase: { linkId: 'phase', text: 'Phase of the session' },
  set: { linkId: 'set', text: 'Work set' },
  rep: { linkId: 'rep', text: 'Reps done in the phase or set when asked' },
  reason: { linkId: 'reason', text: 'Why the coach asked' },
  felt: { linkId: 'felt', text: 'Where the squeeze was felt' },
  balance: { linkId: 'balance', text: 'How the two glutes compared' },
  cues: { linkId: 'cues', text: 'Cues the coach gave in reply' },
} as const;

const REASONS = Object.keys(CHECK_IN_REASON_DISPLAYS) as (keyof typeof CHECK_IN_REASON_DISPLAYS)[];

export function checkInQuestionnaire(): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    id: resourceIds.questionnaire(),
    url: CHECK_IN_QUESTIONNAIRE_URL,
    version: CHECK_IN_QUESTIONNAIRE_VERSION,
    name: 'GlutewakeCheckIn',
    title: 'Glutewake check-in: where do you feel the squeeze?',
    status: 'active',
    subjectType: ['Patient'],
    description:
      'Asked by the Glutewake coach during a session, every few reps and after each work set.',
    item: [
      {
        ...CHECK_IN_ITEMS.phase,
        type: 'choice',
        required: true,
        answerOption: PHASE_KINDS.map((phase) => ({ valueCoding: phaseCoding(phase) })),
      },
      { ...CHECK_IN_ITEMS.set, type: 'integer' },
      { ...CHECK_IN_ITEMS.rep, type: 'integer', required: true },
      {
        ...CHECK_IN_ITEMS.reason,
        type: 'choice',
        required: true,
        answerOption: REASONS.map((reason) => ({ valueCoding: reasonCoding(reason) })),
      },
      {
        ...CHECK_IN_ITEMS.felt,
        type: 'choice',
        repeats: true,
        answerOption: REGIONS.map((region) => ({ valueCoding: regionCoding(region) })),
      },
      {
        ...CHECK_IN_ITEMS.balance,
        type: 'choice',
        answerOption: BALANCES.map((balance) => ({ valueCoding: balanceCoding(balance) })),
      },
      { ...CHECK_IN_ITEMS.cues, type: 'open-choice', repeats: true },
    ],
  };
}

function itemsOf(checkIn: CheckInRecord): QuestionnaireResponseItem[] {
  const items: QuestionnaireResponseItem[] = [
    { ...CHECK_IN_ITEMS.phase, answer: [{ valueCoding: phaseCoding(checkIn.phase) }] },
  ];
  if (checkIn.set !== null)
    items.push({ ...CHECK_IN_ITEMS.set, answer: [{ valueInteger: checkIn.set }] });
  items.push({ ...CHECK_IN_ITEMS.rep, answer: [{ valueInteger: checkIn.rep }] });
  items.push({ ...CHECK_IN_ITEMS.reason, answer: [{ valueCoding: reasonCoding(checkIn.reason) }] });
  if (checkIn.regions !== null && checkIn.regions.length > 0) {
    items.push({
      ...CHECK_IN_ITEMS.felt,
      answer: checkIn.regions.map((region) => ({ valueCoding: regionCoding(region) })),
    });
  }
  if (checkIn.balance !== null) {
    items.push({
      ...CHECK_IN_ITEMS.balance,
      answer: [{ valueCoding: balanceCoding(checkIn.balance) }],
    });
  }
  if (checkIn.cues.length > 0) {
    items.push({
      ...CHECK_IN_ITEMS.cues,
      answer: checkIn.cues.map((cue) => ({
        valueCoding: { system: CODE_SYSTEMS.cue, code: cue.cueId, display: cue.text },
      })),
    });
  }
  return items;
}

export function checkInResponsesOf(
  sessionId: string,
  checkIns: readonly CheckInRecord[],
  context: SessionContext,
): QuestionnaireResponse[] {
  const { clinicId, client } = context;
  return checkIns.map((checkIn, index) => ({
    resourceType: 'QuestionnaireResponse',
    id: resourceIds.questionnaireResponse(clinicId, sessionId, index + 1),
    identifier: { system: IDENTIFIER_SYSTEMS.checkIn, value: `${sessionId}/${index + 1}` },
    basedOn: [referenceTo(context.carePlanId)],
    partOf: [referenceTo(resourceIds.procedure(clinicId, sessionId))],
    questionnaire: `${CHECK_IN_QUESTIONNAIRE_URL}|${CHECK_IN_QUESTIONNAIRE_VERSION}`,
    status: checkIn.regions === null ? 'stopped' : 'completed',
    subject: referenceTo(resourceIds.patient(clinicId, client.id), client.displayName),
    authored: fhirInstant(checkIn.answeredAt ?? checkIn.askedAt),
    item: itemsOf(checkIn),
  }));
}
