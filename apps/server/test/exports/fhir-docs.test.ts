// docs/fhir.md against the code: every local code system the export writes
// has its section in the docs, listing exactly the codes fhir-codes.ts
// defines, and every identifier system is documented. A code added to the
// export without its documentation (or documented but never written) fails.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BALANCE_DISPLAYS,
  CHECK_IN_QUESTIONNAIRE_URL,
  CHECK_IN_REASON_DISPLAYS,
  CODE_SYSTEMS,
  IDENTIFIER_SYSTEMS,
  OUTCOME_DISPLAYS,
  PHASE_DISPLAYS,
  REGION_DISPLAYS,
  SESSION_FIGURES,
  STAFF_ROLE_DISPLAYS,
  SYMPTOM_CODES,
} from '../../src/exports/fhir-codes.js';

const docs = readFileSync(new URL('../../../../docs/fhir.md', import.meta.url), 'utf8');

/** The backticked codes in the first column of the table under "### `name`". */
function documentedCodes(name: string): string[] {
  const start = docs.indexOf(`### \`${name}\``);
  if (start < 0) return [];
  const lines = docs.slice(start).split('\n').slice(1);
  const first = lines.findIndex((line) => line.startsWith('|'));
  const table = lines.slice(first);
  const end = table.findIndex((line) => !line.startsWith('|'));
  return (end < 0 ? table : table.slice(0, end))
    .slice(2)
    .flatMap((row) => /^\|\s*`([^`]+)`/.exec(row)?.[1] ?? []);
}

const CODES_OF: Record<keyof typeof CODE_SYSTEMS, readonly string[] | 'protocol cue ids'> = {
  sessionFigures: Object.values(SESSION_FIGURES),
  symptom: Object.values(SYMPTOM_CODES).map((each) => each.code),
  region: Object.keys(REGION_DISPLAYS),
  balance: Object.keys(BALANCE_DISPLAYS),
  outcome: Object.keys(OUTCOME_DISPLAYS),
  phase: Object.keys(PHASE_DISPLAYS),
  checkInReason: Object.keys(CHECK_IN_REASON_DISPLAYS),
  staffRole: Object.keys(STAFF_ROLE_DISPLAYS),
  cue: 'protocol cue ids',
};

describe('docs/fhir.md', () => {
  for (const [key, url] of Object.entries(CODE_SYSTEMS)) {
    const name = url.slice(url.lastIndexOf('/') + 1);
    it(`documents the code system ${name} with exactly its codes`, () => {
      expect(url).toBe(`https://glutewake.app/fhir/CodeSystem/${name}`);
      expect(docs).toContain(`### \`${name}\``);
      const codes = CODES_OF[key as keyof typeof CODE_SYSTEMS];
      if (codes !== 'protocol cue ids') expect(documentedCodes(name)).toEqual(codes);
    });
  }

  it('documents every identifier system and the questionnaire’s canonical URL', () => {
    for (const system of Object.values(IDENTIFIER_SYSTEMS)) expect(docs).toContain(`\`${system}\``);
    expect(docs).toContain(`\`${CHECK_IN_QUESTIONNAIRE_URL}\``);
  });
});
