// The CSV tables, read back with an RFC 4180 parser written here from the
// RFC's grammar (not from the writer): quoting survives commas, quotes,
// newlines and markup; text that a spreadsheet would run as a formula gets a
// leading apostrophe; rows end in CRLF; every column is documented.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  CHECKIN_COLUMNS,
  csvField,
  csvTable,
  csvTables,
  findBuiltinProtocol,
  localIso,
  SESSION_COLUMNS,
  SYMPTOM_COLUMNS,
  SYMPTOM_ROW_COLUMNS,
  SYMPTOMS,
  type SessionEvent,
} from '../src/index.js';
import { run } from './helpers.js';

/**
 * RFC 4180, section 2: records end in CRLF; a field is either escaped
 * (DQUOTE *(TEXTDATA / COMMA / CR / LF / 2DQUOTE) DQUOTE) or plain TEXTDATA.
 * Throws on anything the grammar does not allow.
 */
function parseRfc4180(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else {
          field += text[i++];
        }
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`a quote inside a plain field at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ',') {
      i++;
    } else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else {
      throw new Error(`expected a comma or CRLF at ${i}, found ${JSON.stringify(text[i])}`);
    }
  }
  if (record.length > 0) throw new Error('the last record does not end in CRLF');
  return records;
}

/** The table's records as objects by header name, after the byte order mark. */
function rowsOf(table: string): Record<string, string>[] {
  expect(table.startsWith('\uFEFF')).toBe(true);
  const [header, ...records] = parseRfc4180(table.slice(1));
  if (!header) throw new Error('no header row');
  for (const record of records) expect(record).toHaveLength(header.length);
  return records.map((record) =>
    Object.fromEntries(header.map((name, column) => [name, record[column] ?? ''])),
  );
}

const lookup = (id: string, version: number) => findBuiltinProtocol(id, version);
const paris = { lookup, utcOffsetMinutes: () => 60 };
const T0 = Date.UTC(2026, 0, 5, 7, 30, 0);

const tricky = [
  'a, comma',
  'a "quoted" word',
  'two\nlines',
  'cr\r\nlf',
  '<script>alert(1)</script>',
  "Robert'); DROP TABLE--",
  'café 💪',
];

describe('RFC 4180 fields', () => {
  test.each(tricky)('%j survives a round trip', (text) => {
    const [record] = parseRfc4180(csvTable(['value', 'next'], [[text, 1]]).slice(1)).slice(1);
    expect(record).toEqual([text, '1']);
  });

  test.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+44 20 7946', "'+44 20 7946"],
    ['-2 after lunch', "'-2 after lunch"],
    ['@import', "'@import"],
    ['\tindented', "'\tindented"],
    ['\rcarriage', '"\'\rcarriage"'],
    ['fine = ok', 'fine = ok'],
  ])('guards %j against formula injection', (text, written) => {
    expect(csvField(text)).toBe(written);
  });

  test('writes numbers as they are, empty cells for nothing, CRLF after every row', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
    expect(csvTable(['a', 'b'], [[1, null]])).toBe('\uFEFFa,b\r\n1,\r\n');
  });
});

describe('the three tables', () => {
  const note = 'Felt it "evenly", finally\n=1+1 <b>bold</b>';
  const logged: SessionEvent = {
    type: 'symptoms.logged',
    at: T0 + 3_600_000,
    symptoms: { knee: 3, backStiffness: 0 },
    note,
  };
  const day1 = run('5:left 10:thighs 20:hamstrings 30:left 40:both s2:both/left-stronger', {
    sessionId: 'day-1',
    startAt: T0,
  });
  const day2 = run('12:both s1r5:stop', { sessionId: 'day-2', startAt: T0 + 86_400_000 });
  const tables = csvTables(
    [
      { sessionId: 'day-2', events: day2.events },
      { sessionId: 'day-1', events: [...day1.events, logged] },
    ],
    paris,
  );

  test('sessions.csv: one row per session, oldest first, with its numbers', () => {
    const rows = rowsOf(tables.sessions);
    expect(Object.keys(rows[0] ?? {})).toEqual([...SESSION_COLUMNS]);
    const symptomColumns = SYMPTOMS.map((symptom) => SYMPTOM_COLUMNS[symptom]);
    const firstSymptom = SESSION_COLUMNS.indexOf('knee');
    expect(SESSION_COLUMNS.slice(firstSymptom, firstSymptom + 4)).toEqual(symptomColumns);
    expect(rows.map((row) => row.session_id)).toEqual(['day-1', 'day-2']);
    expect(rows[0]).toMatchObject({
      protocol: 'prone-ankle-squeeze',
      protocol_version: '1',
      program: '',
      date: '2026-01-05',
      started_at: '2026-01-05T08:30:00+01:00',
      ended_at: localIso(day1.summary.endedAt ?? 0, paris),
      outcome: 'activated',
      wake_up_reps: '40',
      left_fired_at_rep: '5',
      right_fired_at_rep: '40',
      both_fired_at_rep: '40',
      sets: '3',
      set_reps: '20 20 20',
      work_reps: '60',
      balances: 'unknown left-stronger left-stronger',
      check_ins: String(day1.summary.checkIns.length),
      knee: '3',
      foot: '',
      back_stiffness: '0',
      note,
      events: String(day1.events.length + 1),
      ignored_events: '0',
    });
    expect(rows[1]).toMatchObject({
      outcome: 'stopped',
      ended_at: expect.stringMatching(/^2026-01-06T/),
    });
    expect(Number(rows[0]?.duration_seconds)).toBe(day1.summary.durationSeconds);
  });

  test('checkins.csv: every check-in and every spontaneous report, in time order', () => {
    const rows = rowsOf(tables.checkins);
    expect(Object.keys(rows[0] ?? {})).toEqual([...CHECKIN_COLUMNS]);
    const day1Rows = rows.filter((row) => row.session_id === 'day-1');
    const spontaneous = day1.state.reports.filter((r) => r.source === 'spontaneous');
    expect(day1Rows).toHaveLength(day1.state.checkIns.length + spontaneous.length);
    expect(day1Rows[0]).toMatchObject({
      kind: 'spontaneous',
      phase: 'wake-up',
      rep: '5',
      reason: '',
      answered: 'yes',
      felt: 'left',
    });
    expect(day1Rows[1]).toMatchObject({
      kind: 'check-in',
      rep: '10',
      reason: 'interval',
      felt: 'thighs',
    });
    expect(day1Rows.map((row) => row.at)).toEqual([...day1Rows.map((row) => row.at)].sort());
  });

  test('symptoms.csv: one row per score logged', () => {
    expect(rowsOf(tables.symptoms)).toEqual([
      {
        session_id: 'day-1',
        date: '2026-01-05',
        logged_at: '2026-01-05T09:30:00+01:00',
        symptom: 'knee',
        score: '3',
      },
      {
        session_id: 'day-1',
        date: '2026-01-05',
        logged_at: '2026-01-05T09:30:00+01:00',
        symptom: 'back_stiffness',
        score: '0',
      },
    ]);
    expect(Object.keys(rowsOf(tables.symptoms)[0] ?? {})).toEqual([...SYMPTOM_ROW_COLUMNS]);
  });

  test('a note that starts like a formula gets its apostrophe', () => {
    const sneaky: SessionEvent = { ...logged, note: '=HYPERLINK("http://x","hi")' };
    const table = csvTables([{ sessionId: 'day-1', events: [...day1.events, sneaky] }], paris);
    expect(rowsOf(table.sessions)[0]?.note).toBe('\'=HYPERLINK("http://x","hi")');
  });

  test("places days and times in the person's own zone, west of UTC too", () => {
    const late = run('5:both', {
      sessionId: 'late',
      startAt: Date.UTC(2026, 0, 6, 2, 15, 30, 900),
    });
    const table = csvTables([{ sessionId: 'late', events: late.events }], {
      lookup,
      utcOffsetMinutes: () => -300,
    });
    expect(rowsOf(table.sessions)[0]).toMatchObject({
      date: '2026-01-05',
      started_at: '2026-01-05T21:15:30-05:00',
    });
  });
});

describe('docs/data-export.md', () => {
  const docs = readFileSync(new URL('../../../docs/data-export.md', import.meta.url), 'utf8');
  test.each([
    ['sessions.csv', SESSION_COLUMNS],
    ['checkins.csv', CHECKIN_COLUMNS],
    ['symptoms.csv', SYMPTOM_ROW_COLUMNS],
  ])('documents every column of %s, in order', (name, columns) => {
    const section = docs.split(/^### /m).find((part) => part.startsWith(`\`${name}\``)) ?? '';
    const documented = [...section.matchAll(/^\| `([a-z_]+)` +\|/gm)].map((match) => match[1]);
    expect(documented).toEqual([...columns]);
  });
});
