import { describe, expect, it } from 'vitest';
import {
  ladderOrder,
  ladderStatus,
  standing,
  type Protocol,
  type ReadinessRule,
} from '../src/index.js';
import { protocolCopy } from './helpers.js';
import { bridgeRule, history } from './progress-helpers.js';

function rung(id: string, name: string, readiness?: ReadinessRule): Protocol {
  return Object.assign(protocolCopy(), { id, name }, readiness ? { readiness } : {});
}

const squeezes = rung('prone-ankle-squeeze', 'Prone ankle squeezes');
const bridge = rung('glute-bridge', 'Glute bridges', bridgeRule);
const thrust = rung('hip-thrust', 'Hip thrusts', { ...bridgeRule, after: 'glute-bridge' });
const ladder = [thrust, bridge, squeezes];
const TODAY = '2026-11-20';
const readyHistory = history(`
  11-08 L9 R9 even; 11-10 L9 R9 even; 11-12 L9 R9 even; 11-14 L9 R9 even
  11-16 L9 R9 even; 11-18 L9 R9 even; 11-20 L6 R7 even
`);

describe('the ladder', () => {
  it('orders protocols by their readiness rules', () => {
    expect(ladderOrder(ladder).map((p) => p.id)).toEqual([
      'prone-ankle-squeeze',
      'glute-bridge',
      'hip-thrust',
    ]);
  });

  it('puts rungs whose prerequisite is unknown last', () => {
    const orphan = rung('lunge', 'Lunges', { ...bridgeRule, after: 'nowhere' });
    expect(
      ladderOrder([orphan, ...ladder])
        .map((p) => p.id)
        .at(-1),
    ).toBe('lunge');
    expect(
      ladderStatus([orphan, ...ladder], [], TODAY).find((r) => r.protocol.id === 'lunge')?.state,
    ).toBe('locked');
  });

  it('starts with ankle squeezes open and everything else locked', () => {
    const rungs = ladderStatus(ladder, [], TODAY);
    expect(rungs.map((r) => [r.protocol.id, r.state])).toEqual([
      ['prone-ankle-squeeze', 'open'],
      ['glute-bridge', 'locked'],
      ['hip-thrust', 'locked'],
    ]);
    expect(rungs[2]?.missing.map((m) => m.text)).toEqual(['Unlock glute bridges first']);
  });

  it('opens bridges when the rule holds, and hip thrusts stay locked behind them', () => {
    const rungs = ladderStatus(ladder, readyHistory, TODAY);
    expect(rungs[1]?.state).toBe('ready');
    expect(rungs[2]?.state).toBe('locked');
    expect(rungs[2]?.missing[0]?.text).toBe('7 more practice days (0 of 7 in the last 14 days)');
  });

  it('honours an early unlock, but never skips a locked rung', () => {
    const early = ladderStatus(ladder, [], TODAY, [{ protocolId: 'glute-bridge', at: 0 }]);
    expect(early[1]?.state).toBe('unlocked-early');
    expect(early[1]?.missing).toEqual([]);
    const skipping = ladderStatus(ladder, [], TODAY, [{ protocolId: 'hip-thrust', at: 0 }]);
    expect(skipping[2]?.state).toBe('locked');
  });
});

describe('where someone stands', () => {
  it('is on ankle squeezes working towards bridges, then on bridges working towards hip thrusts', () => {
    const first = standing(ladderStatus(ladder, [], TODAY));
    expect([first.current?.protocol.id, first.next?.protocol.id]).toEqual([
      'prone-ankle-squeeze',
      'glute-bridge',
    ]);
    const later = standing(ladderStatus(ladder, readyHistory, TODAY));
    expect([later.current?.protocol.id, later.next?.protocol.id]).toEqual([
      'glute-bridge',
      'hip-thrust',
    ]);
  });

  it('has nothing next at the top of the ladder', () => {
    const all = [
      { protocolId: 'glute-bridge', at: 0 },
      { protocolId: 'hip-thrust', at: 0 },
    ];
    expect(standing(ladderStatus(ladder, [], TODAY, all)).next).toBeNull();
  });
});
