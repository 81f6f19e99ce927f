// Editing a library protocol in the portal: the form written back into the
// whole document (ranges widened to hold new figures), core's check, and
// problems (core's or the server's "protocol."-prefixed ones) by field.
import { findBuiltinProtocol, type Protocol } from '@glutewake/core';
import { describe, expect, it } from 'vitest';
import {
  checkProtocolForm,
  placeProtocolProblems,
  protocolFormOf,
} from '../../src/portal/protocol-edit-model.js';

const squeezes = findBuiltinProtocol('prone-ankle-squeeze') as Protocol;

describe('a library protocol’s form', () => {
  it('writes the edits in and keeps the rest as it was', () => {
    const form = protocolFormOf(squeezes);
    expect(form.tempo.holdMs).toBe('2');
    form.tempo.holdMs = '3';
    form.phases[1] = { ...form.phases[1], sets: '4' };
    form.cues['inner-heel'] = 'Press softly with your inner heels.';
    const checked = checkProtocolForm(squeezes, form);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    expect(checked.value.tempo.holdMs).toBe(3000);
    expect(checked.value.adjustable.holdMs).toEqual({ min: 1000, max: 3000 });
    expect(checked.value.phases[1]).toMatchObject({ kind: 'work', sets: 4 });
    expect(checked.value.cues[0]?.text).toBe('Press softly with your inner heels.');
    expect(checked.value.safety).toEqual(squeezes.safety);
  });

  it('places core’s problems by field, one plain sentence each', () => {
    const form = protocolFormOf(squeezes);
    form.name = '';
    form.tempo.holdMs = '0.2';
    form.phases[0] = { ...form.phases[0], capReps: 'lots' };
    const checked = checkProtocolForm(squeezes, form);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems['name']).toEqual(['Please fill this in.']);
    expect(checked.problems['tempo.holdMs']).toEqual(['Please choose between 0.5 and 5 seconds.']);
    expect(checked.problems['phases.0.capReps']).toHaveLength(1);
  });

  it('places the server’s problems the same way', () => {
    expect(
      placeProtocolProblems(squeezes, [
        'protocol.cues[1].text must be at most 300 characters',
        'protocol.id must stay "prone-ankle-squeeze", the exercise this protocol was copied from',
      ]),
    ).toEqual({
      'cues.not-ankle-bones': ['It must be at most 300 characters.'],
      general: [
        'protocol.id must stay "prone-ankle-squeeze", the exercise this protocol was copied from',
      ],
    });
  });
});
