// protocols, plan, validate and schema, as a therapist writing a protocol would use them.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { glutewake } from './run.js';

const builtinFile = join(import.meta.dirname, '../../core/src/protocols/prone-ankle-squeeze.json');

function writeTemp(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'glutewake-')), name);
  writeFileSync(file, content);
  return file;
}

function brokenCopy(change: (protocol: Record<string, unknown>) => void): string {
  const protocol = JSON.parse(readFileSync(builtinFile, 'utf8')) as Record<string, unknown>;
  change(protocol);
  return writeTemp('broken.json', JSON.stringify(protocol));
}

describe('glutewake protocols', () => {
  it('lists the built-in protocols as JSON', async () => {
    const run = await glutewake('protocols', '--json');
    expect(run.code).toBe(0);
    expect(run.json()).toContainEqual(
      expect.objectContaining({
        id: 'prone-ankle-squeeze',
        version: 1,
        phases: ['wake-up', 'work'],
      }),
    );
  });

  it('lists them as a table', async () => {
    const run = await glutewake('protocols');
    expect(run.stdout).toMatch(/prone-ankle-squeeze\s+1\s+Prone ankle squeezes/);
  });
});

describe('glutewake plan', () => {
  it('outlines the phases, the tempo and the duration range', async () => {
    const run = await glutewake('plan', 'prone-ankle-squeeze');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('check in every 10 reps');
    expect(run.stdout).toContain('at most 60 reps');
    expect(run.stdout).toContain('3 sets of 20, 45 s rest between sets');
    expect(run.stdout).toMatch(/hold 2 s/);
    expect(run.stdout).toMatch(/Expected duration: \d+ min to \d+ min/);
    expect(run.stdout).toContain('sharp pain');
  });

  it('gives a duration range that widens with the wake-up cap', async () => {
    const plan = (await glutewake('plan', 'prone-ankle-squeeze', '--json')).json<{
      durationSeconds: { quickest: number; typical: number; longest: number };
    }>();
    const { quickest, typical, longest } = plan.durationSeconds;
    expect(quickest).toBeLessThan(typical);
    expect(typical).toBeLessThan(longest);
  });

  it('plans a protocol from a file', async () => {
    const file = brokenCopy((p) => (p.name = 'My clinic squeezes'));
    const run = await glutewake('plan', file);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('My clinic squeezes');
  });

  it('names an unknown protocol plainly', async () => {
    const run = await glutewake('plan', 'handstands');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('"handstands" is neither a built-in protocol');
  });
});

describe('glutewake validate', () => {
  it('accepts the built-in protocol file', async () => {
    const run = await glutewake('validate', builtinFile);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('is a valid protocol');
  });

  it('names the bad field in plain words', async () => {
    const file = brokenCopy((p) => ((p.tempo as Record<string, unknown>).holdMs = 9000));
    const run = await glutewake('validate', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('tempo.holdMs must be a whole number between 500 and 5000');
    expect(run.stderr).not.toMatch(/\bat .*\.(js|ts):\d+/);
  });

  it('reports bad JSON without a stack trace', async () => {
    const run = await glutewake('validate', writeTemp('bad.json', '{"id": "x",'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('not valid JSON');
    expect(run.stderr).not.toMatch(/\bat .*\.(js|ts):\d+/);
  });

  it('reports a missing file', async () => {
    const run = await glutewake('validate', '/nowhere/protocol.json');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no such file');
  });
});

describe('the command line', () => {
  it('prints usage for --help and refuses unknown commands', async () => {
    expect((await glutewake('--help')).stdout).toContain('glutewake simulate');
    const unknown = await glutewake('dance');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "dance"');
  });

  it('rejects settings outside their range', async () => {
    const run = await glutewake('plan', 'prone-ankle-squeeze', '--settings', '{"holdMs":99}');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('holdMs must be a whole number between 500 and 5000');
  });

  it('prints the protocol format as JSON Schema', async () => {
    const schema = (await glutewake('schema')).json<{ properties: Record<string, unknown> }>();
    expect(Object.keys(schema.properties)).toContain('tempo');
  });

  it('runs as an installed binary', () => {
    const bin = join(import.meta.dirname, '../bin/glutewake.js');
    const result = spawnSync(
      process.execPath,
      [
        bin,
        'simulate',
        'prone-ankle-squeeze',
        '--felt',
        '10:thighs 20:hamstrings 30:left 40:both',
        '--json',
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ outcome: 'activated', wakeUp: { reps: 40 } });
  });
});
