// The slice of FHIR R4 that Glutewake's clinical export writes: the data
// types and resources it uses, with only the fields it fills. They follow
// the R4 specification's names and cardinalities (hl7.org/fhir/R4), so a
// value of these types is a valid resource shape; the tests check every
// resource of an export against the official definitions with an
// independent validator. Invariants: types only, no code; optional fields
// are left out rather than set to undefined (JSON has no undefined).

export interface Coding {
  system: string;
  code: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Identifier {
  system: string;
  value: string;
}

/** A reference to another entry of the bundle (`urn:uuid:...`) or, by identifier, to something outside it. */
export type Reference = { reference: string; display?: string } | { identifier: Identifier };

export interface Period {
  start?: string;
  end?: string;
}

export interface Quantity {
  value: number;
  unit: string;
  system: string;
  code: string;
}

export interface Annotation {
  text: string;
}

export interface HumanName {
  text: string;
}

export interface ContactPoint {
  system: 'email';
  value: string;
}

interface ResourceBase {
  id: string;
}

export interface Organization extends ResourceBase {
  resourceType: 'Organization';
  identifier: Identifier[];
  active: boolean;
  name: string;
}

export interface Patient extends ResourceBase {
  resourceType: 'Patient';
  identifier: Identifier[];
  active: boolean;
  name: HumanName[];
  telecom: ContactPoint[];
  generalPractitioner?: Reference[];
  managingOrganization: Reference;
}

export interface Practitioner extends ResourceBase {
  resourceType: 'Practitioner';
  identifier: Identifier[];
  active: boolean;
  name: HumanName[];
  telecom: ContactPoint[];
}

export interface PractitionerRole extends ResourceBase {
  resourceType: 'PractitionerRole';
  identifier: Identifier[];
  active: boolean;
  practitioner: Reference;
  organization: Reference;
  code: CodeableConcept[];
}

export interface CarePlanActivity {
  detail: {
    code: CodeableConcept;
    status: 'not-started' | 'in-progress' | 'stopped';
    description?: string;
  };
}

export interface CarePlan extends ResourceBase {
  resourceType: 'CarePlan';
  identifier: Identifier[];
  instantiatesUri?: string[];
  replaces?: Reference[];
  status: 'active' | 'revoked';
  intent: 'plan';
  title: string;
  description: string;
  subject: Reference;
  period?: Period;
  created?: string;
  author?: Reference;
  activity: CarePlanActivity[];
}

export interface Procedure extends ResourceBase {
  resourceType: 'Procedure';
  identifier: Identifier[];
  basedOn: Reference[];
  status: 'in-progress' | 'completed' | 'stopped';
  code: CodeableConcept;
  subject: Reference;
  performedPeriod?: Period;
  outcome?: CodeableConcept;
  note?: Annotation[];
}

export interface Observation extends ResourceBase {
  resourceType: 'Observation';
  partOf: Reference[];
  status: 'preliminary' | 'final';
  category: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  effectiveDateTime?: string;
  valueInteger?: number;
  valueQuantity?: Quantity;
  valueCodeableConcept?: CodeableConcept;
  bodySite?: CodeableConcept;
}

export type QuestionnaireItemType = 'choice' | 'integer' | 'open-choice';

export interface QuestionnaireItem {
  linkId: string;
  text: string;
  type: QuestionnaireItemType;
  required?: boolean;
  repeats?: boolean;
  answerOption?: { valueCoding: Coding }[];
}

export interface Questionnaire extends ResourceBase {
  resourceType: 'Questionnaire';
  url: string;
  version: string;
  name: string;
  title: string;
  status: 'active';
  subjectType: ['Patient'];
  description: string;
  item: QuestionnaireItem[];
}

export interface QuestionnaireAnswer {
  valueInteger?: number;
  valueCoding?: Coding;
}

export interface QuestionnaireResponseItem {
  linkId: string;
  text: string;
  answer: QuestionnaireAnswer[];
}

export interface QuestionnaireResponse extends ResourceBase {
  resourceType: 'QuestionnaireResponse';
  identifier: Identifier;
  basedOn: Reference[];
  partOf: Reference[];
  questionnaire: string;
  status: 'completed' | 'stopped';
  subject: Reference;
  authored: string;
  item: QuestionnaireResponseItem[];
}

export type ExportedResource =
  | Organization
  | Patient
  | Practitioner
  | PractitionerRole
  | CarePlan
  | Procedure
  | Observation
  | Questionnaire
  | QuestionnaireResponse;

export interface BundleEntry {
  fullUrl: string;
  resource: ExportedResource;
}

export interface Bundle {
  resourceType: 'Bundle';
  id: string;
  identifier: Identifier;
  type: 'collection';
  entry: BundleEntry[];
}
