// The portal's program editor model: the form from a version, the body the
// server takes (figures left at their defaults are not sent), core's check
// placed by field, server problems placed the same way, and the words of
// what a version changed.
import { findBuiltinProtocol, type ProgramDocument, type Protocol } from '@glutewake/core';
import { buildProgram } from '@glutewake/core/validation';
import { describe, expect, it } from 'vitest';
import {
  bodyOf,
  changesBetween,
  checkProgram,
  cueLabel,
  formFrom,
  problemsByField,
  withBase,
  type LibraryItem,
} from '../../src/portal/program-model.js';

const squeezes = findBuiltinProtocol('prone-ankle-squeeze') as Protocol;
const bridges = findBuiltinProtocol('glute-bridge') as Protocol;
const builtin = (protocol: Protocol): LibraryItem => ({
  source: 'builtin',
  entryId: null,
  basedOn: protocol.id,
  revision: protocol.version,
  protocol,
  updatedAt: null,
  updatedBy: null,
});
const library = [builtin(squeezes), builtin(bridges)];
const name = (id: string) => (id === 'glute-bridge' ? 'Glute bridges' : id);

function programWith(hold: number, favoured: string[] = []): ProgramDocument {
  const built = buildProgram({
    basedOn: { source: 'builtin', id: squeezes.id, revision: squeezes.version },
    base: squeezes,
    adjustments: { holdMs: hold },
    favouredCues: favoured,
    unlocks: {},
    message: null,
  });
  if (!built.ok) throw new Error(built.problems.join('; '));
  return built.value;
}

describe('the program form', () => {
  it('starts a first program from the standard squeezes, as they are', () => {
    const form = formFrom(null, library);
    expect(form.base).toEqual({ source: 'builtin', protocolId: 'prone-ankle-squeeze' });
    expect(form.figures.holdMs).toBe('2');
    expect(form.figures.repsPerSet).toBe('20');
    expect(bodyOf(form, squeezes, 0)).toEqual({
      expectedVersion: 0,
      basedOn: { source: 'builtin', protocolId: 'prone-ankle-squeeze' },
      adjustments: {},
      favouredCues: [],
      unlocks: [],
      message: null,
    });
  });

  it('sends only the figures that differ from the protocol, the hold in ms', () => {
    const form = formFrom(programWith(2500, ['inner-heel']), library);
    expect(form.figures.holdMs).toBe('2.5');
    const body = bodyOf(
      { ...form, figures: { ...form.figures, sets: '4' }, message: '  Gently does it. ' },
      squeezes,
      1,
    );
    expect(body.adjustments).toEqual({ holdMs: 2500, sets: 4 });
    expect(body.favouredCues).toEqual(['inner-heel']);
    expect(body.message).toBe('Gently does it.');
  });

  it('keeps only the cues the new base also has', () => {
    const form = { ...formFrom(null, library), favouredCues: ['inner-heel'] };
    const moved = withBase(form, { source: 'builtin', protocolId: bridges.id }, bridges);
    expect(moved.favouredCues.every((id) => bridges.cues.some((c) => c.id === id))).toBe(true);
    expect(moved.figures.holdMs).toBe(String(bridges.tempo.holdMs / 1000));
  });
});

describe('problems by field', () => {
  it('core refuses a hold out of range, next to the hold time', () => {
    const form = formFrom(null, library);
    const problems = checkProgram(
      { ...form, figures: { ...form.figures, holdMs: '9' } },
      library[0]!,
    );
    expect(problems).toEqual({ holdMs: ['Please choose between 0.5 and 5 seconds.'] });
  });

  it('says a figure that is not a number is not one', () => {
    const form = formFrom(null, library);
    const problems = checkProgram(
      { ...form, figures: { ...form.figures, sets: 'x' } },
      library[0]!,
    );
    expect(problems.sets).toEqual(['Please enter a number.']);
  });

  it('holding back the assigned exercise shows under the unlocks', () => {
    const form = {
      ...formFrom(null, library),
      unlocks: { 'prone-ankle-squeeze': 'held' as const },
    };
    expect(checkProgram(form, library[0]!).unlocks).toHaveLength(1);
  });

  it('places the server’s problems by their paths', () => {
    expect(
      problemsByField([
        'adjustments.sets must be a whole number between 1 and 20',
        'basedOn.entryId must name a protocol of the clinic’s library',
        'something else entirely',
      ]),
    ).toEqual({
      sets: ['Please choose a whole number from 1 to 20.'],
      base: ['basedOn.entryId must name a protocol of the clinic’s library'],
      general: ['something else entirely'],
    });
  });
});

describe('the words of a version', () => {
  it('names placeholders instead of filling them', () => {
    expect(cueLabel('Rest your fingertips on your {sleepySide} glute.')).toBe(
      'Rest your fingertips on your [sleepy side] glute.',
    );
  });

  it('says what the first version changed from the built-in, then what each next one did', () => {
    const first = programWith(2500, ['inner-heel']);
    expect(changesBetween(null, first, name)).toEqual([
      'First program, based on Prone ankle squeezes',
      'Hold time 2 s → 2.5 s',
      'Favours “Press with the inside edge of your heels, not the bottom of them.”',
    ]);
    const second = { ...programWith(2500), unlocks: { 'glute-bridge': 'early' as const } };
    expect(changesBetween(first, second, name)).toEqual([
      'No longer favours “Press with the inside edge of your heels, not the bottom of them.”',
      'Glute bridges: open early',
    ]);
    expect(changesBetween(second, second, name)).toEqual(['No changes']);
  });
});
