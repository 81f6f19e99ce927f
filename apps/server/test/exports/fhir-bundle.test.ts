// The FHIR R4 export of one client, built from what storage holds after a
// week of synced practice (on SQLite and PostgreSQL): every resource passes
// the official R4 definitions (Medplum's validator, test/support/
// fhir-validator.ts), every reference resolves inside the bundle, and the
// codes and links docs/fhir.md promises are there: SNOMED CT 229065009 on
// the plans and sessions, LOINC 72514-3 with a body site on each symptom,
// Observations part of their Procedure, one QuestionnaireResponse per
// check-in. The client's sharing choices hold, and the bundle is the same
// every time the same data is exported.
import { beforeAll, describe, expect, it } from 'vitest';
import { clientExportInput } from '../../src/exports/client-record.js';
import { clientBundle } from '../../src/exports/fhir-bundle.js';
import {
  CHECK_IN_QUESTIONNAIRE_URL,
  CODE_SYSTEMS,
  IDENTIFIER_SYSTEMS,
  SESSION_FIGURES,
} from '../../src/exports/fhir-codes.js';
import type { Bundle, ExportedResource, Reference } from '../../src/exports/fhir-types.js';
import type { Account, Clinic, Storage } from '../../src/storage/types.js';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '../support/backends.js';
import { TEST_START } from '../support/clock.js';
import { fhirProblemsOf, indexDefinitionsOnce } from '../support/fhir-validator.js';
import { addAccount, clinicWorld, newAccount, type ClinicWorld } from '../support/fixtures.js';
import { A_WEEK_OF_PRACTICE, syncPractice, type Practice } from '../support/practice.js';

/** The literal reference a Reference holds (undefined for an identifier-only one). */
const referenceIn = (reference: Reference | undefined): string | undefined =>
  reference !== undefined && 'reference' in reference ? reference.reference : undefined;

const DAY_MS = 86_400_000;

function ofType<T extends ExportedResource['resourceType']>(bundle: Bundle, type: T) {
  return bundle.entry
    .map((entry) => entry.resource)
    .filter((resource): resource is Extract<ExportedResource, { resourceType: T }> => {
      return resource.resourceType === type;
    });
}

/** Every `reference` string anywhere inside a value. */
function referencesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === 'reference' && typeof inner === 'string' ? [inner] : referencesIn(inner),
  );
}

const ref = (id: string) => `urn:uuid:${id}`;

describeEachBackend('the FHIR export of a client', (backend) => {
  let database: TestDatabase;
  let storage: Storage;
  let world: ClinicWorld;
  let practice: Practice;
  let bundle: Bundle;

  const exportOf = async (clinic: Clinic, client: Account) =>
    clientBundle(await clientExportInput(storage, clinic, client));

  beforeAll(async () => {
    indexDefinitionsOnce();
    database = await createTestDatabase(backend);
    storage = database.storage;
    world = await clinicWorld(storage);
    practice = await syncPractice(storage, world.client, world.therapist);
    bundle = await exportOf(world.clinic, world.client);
    return () => database.drop();
  }, 60_000);

  it('is a collection whose every resource is valid FHIR R4', () => {
    expect(bundle.type).toBe('collection');
    const problems = [bundle, ...bundle.entry.map((entry) => entry.resource)].flatMap(
      fhirProblemsOf,
    );
    expect(problems).toEqual([]);
  });

  it('names each entry urn:uuid:<id>, once, and resolves every reference inside the bundle', () => {
    const fullUrls = bundle.entry.map((entry) => entry.fullUrl);
    expect(new Set(fullUrls).size).toBe(fullUrls.length);
    for (const entry of bundle.entry) expect(entry.fullUrl).toBe(ref(entry.resource.id));
    const unresolved = referencesIn(bundle.entry).filter((each) => !fullUrls.includes(each));
    expect(unresolved).toEqual([]);
  });

  it('has the client, the therapist in the clinic, and the plan of care', () => {
    const [organization] = ofType(bundle, 'Organization');
    const [practitioner] = ofType(bundle, 'Practitioner');
    const [role] = ofType(bundle, 'PractitionerRole');
    const [patient] = ofType(bundle, 'Patient');
    expect(organization?.name).toBe(world.clinic.name);
    expect(practitioner?.identifier).toEqual([
      { system: IDENTIFIER_SYSTEMS.account, value: world.therapist.id },
    ]);
    expect(role?.practitioner).toMatchObject({ reference: ref(practitioner?.id ?? '') });
    expect(role?.organization).toEqual({ reference: ref(organization?.id ?? '') });
    expect(patient).toMatchObject({
      identifier: [{ system: IDENTIFIER_SYSTEMS.account, value: world.client.id }],
      name: [{ text: world.client.displayName }],
      generalPractitioner: [{ reference: ref(role?.id ?? '') }],
      managingOrganization: { reference: ref(organization?.id ?? '') },
    });
    // Sessions before the program are based on the built-in plan, later ones on version 1.
    const plans = ofType(bundle, 'CarePlan');
    expect(plans.map((plan) => [plan.title, plan.status])).toEqual([
      ['Prone ankle squeezes (built in)', 'revoked'],
      ['Ankle squeezes, gentle (program version 1)', 'active'],
    ]);
    for (const plan of plans) {
      expect(plan.subject).toMatchObject({ reference: ref(patient?.id ?? '') });
      expect(plan.activity[0]?.detail.code.coding).toEqual([
        { system: 'http://snomed.info/sct', code: '229065009', display: 'Exercise therapy' },
      ]);
    }
    expect(plans[1]?.author).toMatchObject({ reference: ref(role?.id ?? '') });
  });

  it('has a Procedure per session, based on its plan, with its period and status', () => {
    const procedures = ofType(bundle, 'Procedure');
    const plans = ofType(bundle, 'CarePlan');
    expect(procedures.map((each) => each.identifier[0]?.value)).toEqual(
      practice.logs.map((log) => log.sessionId),
    );
    practice.logs.forEach((log, day) => {
      const procedure = procedures[day];
      const summary = log.summary;
      const plan = day < 3 ? plans[0] : plans[1];
      expect(procedure?.basedOn).toEqual([{ reference: ref(plan?.id ?? '') }]);
      expect(procedure?.performedPeriod).toEqual({
        start: new Date(summary.startedAt ?? 0).toISOString(),
        end: new Date(summary.endedAt ?? 0).toISOString(),
      });
      expect(procedure?.status).toBe(summary.outcome === 'stopped' ? 'stopped' : 'completed');
      expect(procedure?.outcome?.coding?.[0]).toMatchObject({
        system: CODE_SYSTEMS.outcome,
        code: summary.outcome,
      });
    });
    expect(procedures[3]?.status).toBe('stopped');
    expect(procedures[1]?.note).toEqual([{ text: 'Pillow slipped; used a cushion.' }]);
  });

  it('has the session figures as Observations part of their Procedure', () => {
    const procedures = ofType(bundle, 'Procedure');
    const observations = ofType(bundle, 'Observation');
    practice.logs.forEach((log, day) => {
      const summary = log.summary;
      const procedureRef = ref(procedures[day]?.id ?? '');
      const figure = (code: string) =>
        observations.find(
          (each) =>
            referenceIn(each.partOf[0]) === procedureRef &&
            each.code.coding?.[0]?.system === CODE_SYSTEMS.sessionFigures &&
            each.code.coding[0].code === code,
        );
      expect(figure(SESSION_FIGURES.leftGluteFiredAtRep)?.valueInteger).toBe(
        summary.wakeUp.leftFiredAtRep ?? undefined,
      );
      expect(figure(SESSION_FIGURES.rightGluteFiredAtRep)?.valueInteger).toBe(
        summary.wakeUp.rightFiredAtRep ?? undefined,
      );
      expect(figure(SESSION_FIGURES.wakeUpReps)?.valueInteger).toBe(summary.wakeUp.reps);
      expect(figure(SESSION_FIGURES.workReps)?.valueInteger).toBe(
        summary.work.sets.reduce((sum, reps) => sum + reps, 0),
      );
      expect(figure(SESSION_FIGURES.timeUnderTension)?.valueQuantity).toEqual({
        value: summary.timeUnderTensionSeconds,
        unit: 's',
        system: 'http://unitsofmeasure.org',
        code: 's',
      });
    });
    // Day 1: only the left glute fired; day 6 ended even.
    const dayOne = ref(procedures[0]?.id ?? '');
    const codesOfDayOne = observations
      .filter((each) => referenceIn(each.partOf[0]) === dayOne)
      .map((each) => each.code.coding?.[0]?.code);
    expect(codesOfDayOne).toContain(SESSION_FIGURES.leftGluteFiredAtRep);
    expect(codesOfDayOne).not.toContain(SESSION_FIGURES.rightGluteFiredAtRep);
    const balanceOfDaySix = observations.find(
      (each) =>
        referenceIn(each.partOf[0]) === ref(procedures[5]?.id ?? '') &&
        each.code.coding?.[0]?.code === SESSION_FIGURES.balanceAtEnd,
    );
    expect(balanceOfDaySix?.valueCodeableConcept?.coding?.[0]).toMatchObject({
      system: CODE_SYSTEMS.balance,
      code: 'even',
    });
  });

  it('has each symptom score as LOINC 72514-3 with its SNOMED CT body site', () => {
    const symptoms = ofType(bundle, 'Observation').filter(
      (each) => each.code.coding?.[0]?.code === '72514-3',
    );
    const logged = A_WEEK_OF_PRACTICE.flatMap((day) => Object.entries(day.symptoms ?? {}));
    expect(symptoms).toHaveLength(logged.length);
    const bodySites = Object.fromEntries(
      symptoms.map((each) => [each.code.coding?.[1]?.code, each.bodySite?.coding?.[0]?.code]),
    );
    expect(bodySites).toEqual({
      knee: '72696002',
      foot: '56459004',
      'hamstring-cramping': '88225001',
      'back-stiffness': '37822005',
    });
    for (const each of symptoms) {
      expect(each.code.coding?.[0]?.system).toBe('http://loinc.org');
      expect(each.valueInteger).toBeGreaterThanOrEqual(0);
      expect(each.valueInteger).toBeLessThanOrEqual(10);
      expect(each.bodySite?.coding?.[0]?.system).toBe('http://snomed.info/sct');
    }
    const firstDay = ofType(bundle, 'Procedure')[0]?.id ?? '';
    expect(
      symptoms
        .filter((each) => referenceIn(each.partOf[0]) === ref(firstDay))
        .map((each) => [each.code.coding?.[1]?.code, each.valueInteger]),
    ).toEqual([
      ['knee', 6],
      ['back-stiffness', 5],
    ]);
  });

  it('has a QuestionnaireResponse per check-in: what was felt at which rep, the balance, the cues', () => {
    const responses = ofType(bundle, 'QuestionnaireResponse');
    const [questionnaire] = ofType(bundle, 'Questionnaire');
    expect(questionnaire?.url).toBe(CHECK_IN_QUESTIONNAIRE_URL);
    const checkIns = practice.logs.flatMap((log) => log.summary.checkIns);
    expect(responses).toHaveLength(checkIns.length);
    responses.forEach((response, index) => {
      const checkIn = checkIns[index];
      const answers = (linkId: string) =>
        response.item.find((item) => item.linkId === linkId)?.answer ?? [];
      expect(response.questionnaire).toBe(`${CHECK_IN_QUESTIONNAIRE_URL}|1`);
      expect(answers('rep')).toEqual([{ valueInteger: checkIn?.rep }]);
      expect(answers('felt').map((answer) => answer.valueCoding?.code)).toEqual(
        checkIn?.felt ?? [],
      );
      expect(answers('balance').map((answer) => answer.valueCoding?.code)).toEqual(
        checkIn?.balance === null || checkIn === undefined ? [] : [checkIn.balance],
      );
      expect(answers('cues').map((answer) => answer.valueCoding?.code)).toEqual(
        checkIn?.cues ?? [],
      );
      expect(response.status).toBe(checkIn?.felt === null ? 'stopped' : 'completed');
    });
    expect(checkIns.some((each) => each.cues.length > 0)).toBe(true);
    expect(responses.some((each) => each.status === 'stopped')).toBe(true);
  });

  it('exports the same data as the same bundle, and another client under other ids', async () => {
    const again = await exportOf(world.clinic, world.client);
    expect(JSON.stringify(again)).toBe(JSON.stringify(bundle));
    const other = await addAccount(
      storage,
      newAccount(world.clinic.id, 'client', { therapistId: world.therapist.id }),
    );
    await syncPractice(storage, other, world.therapist, A_WEEK_OF_PRACTICE.slice(0, 2), 1);
    const otherBundle = await exportOf(world.clinic, other);
    const ids = new Set(bundle.entry.map((entry) => entry.resource.id));
    const shared = otherBundle.entry.filter((entry) => ids.has(entry.resource.id));
    // Only the clinic, the therapist and the Questionnaire are the same things.
    expect(shared.map((entry) => entry.resource.resourceType).sort()).toEqual([
      'Organization',
      'Practitioner',
      'PractitionerRole',
      'Questionnaire',
    ]);
  });

  it('describes the built-in prone ankle squeezes for a client without a program', async () => {
    const client = await addAccount(storage, newAccount(world.clinic.id, 'client'));
    const exported = await exportOf(world.clinic, client);
    expect(exported.entry.map((entry) => entry.resource.resourceType)).toEqual([
      'Organization',
      'Patient',
      'Questionnaire',
      'CarePlan',
    ]);
    const [plan] = ofType(exported, 'CarePlan');
    expect(plan).toMatchObject({
      status: 'active',
      title: 'Prone ankle squeezes (built in)',
      instantiatesUri: ['https://glutewake.app/protocols/prone-ankle-squeeze/1'],
    });
    expect(exported.entry.flatMap((entry) => fhirProblemsOf(entry.resource))).toEqual([]);
  });

  describe('honours what the client shares', () => {
    it('leaves out symptoms, notes and sessions from before joining when they are withheld', async () => {
      const joinedAt = TEST_START + 2 * DAY_MS;
      const client = await addAccount(
        storage,
        newAccount(world.clinic.id, 'client', {
          therapistId: world.therapist.id,
          createdAt: joinedAt,
          sharing: { history: 'from-joining', symptoms: false, notes: false },
        }),
      );
      const synced = await syncPractice(storage, client, world.therapist);
      const exported = await exportOf(world.clinic, client);
      const procedures = ofType(exported, 'Procedure');
      expect(procedures.map((each) => each.identifier[0]?.value)).toEqual(
        synced.logs.filter((log) => log.startAt >= joinedAt).map((log) => log.sessionId),
      );
      expect(procedures.flatMap((each) => each.note ?? [])).toEqual([]);
      const codes = ofType(exported, 'Observation').map((each) => each.code.coding?.[0]?.code);
      expect(codes).not.toContain('72514-3');
      expect(codes).toContain(SESSION_FIGURES.wakeUpReps);
      expect(JSON.stringify(exported)).not.toContain('finally');
    });
  });
});
