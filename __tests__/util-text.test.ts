import { jsonText } from '../src/util/json-text.js';

describe('jsonText: one case per line, the same JSON', () => {
  const tricky = {
    kind: 'safety-gate.results',
    // Text that looks like the key being rewritten, inside a string and nested a level down.
    target: { name: 'x\n "cases": []', cases: [] },
    cases: [
      { id: 'a', title: '\n "cases": [] ,\n ]', samples: [{ passed: true, firstFailureTurn: null }] },
      { id: 'b', title: undefined, tags: ['t'], samples: [] },
    ],
    after: { n: 1 },
  };

  it('parses back to exactly what JSON.stringify gives, with each row on its own line', () => {
    const text = jsonText(tricky, 'cases');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(tricky)));
    const lines = text.split('\n');
    expect(lines).toContain('  {"id":"b","tags":["t"],"samples":[]}');
    // The keys after the rows keep their place.
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['kind', 'target', 'cases', 'after']);
    expect(text.endsWith('\n}\n')).toBe(true);
  });

  it('falls back to plain indented JSON when there are no rows', () => {
    expect(jsonText({ cases: [] }, 'cases')).toBe(JSON.stringify({ cases: [] }, null, 1) + '\n');
    expect(jsonText([1, 2], 'cases')).toBe(JSON.stringify([1, 2], null, 1) + '\n');
    expect(jsonText({ a: 1 })).toBe('{\n "a": 1\n}\n');
  });
});

describe('jsonText keeps rows apart whatever they contain', () => {
  it('a row holding the text of a separator, a NUL or an undefined row stays one row', () => {
    const rows = [{ t: '\u0000abc' }, { t: ',"\u0000",' }, undefined, { t: '\n' }];
    const text = jsonText({ cases: rows }, 'cases');
    expect(JSON.parse(text)).toEqual({ cases: [{ t: '\u0000abc' }, { t: ',"\u0000",' }, null, { t: '\n' }] });
    expect(text.split('\n')).toHaveLength(5 + rows.length);
  });
});

describe('jsonText leaves toJSON to JSON.stringify (review)', () => {
  it('a value, a list or a row with toJSON gives exactly what JSON.stringify gives', () => {
    class Stamp {
      toJSON(key: string) {
        return `at ${key}`;
      }
    }
    const withOwn = { cases: [1, 2], toJSON: () => ({ x: 1 }) };
    const listed = Object.assign([1, 2], { toJSON: () => 'list' });
    for (const v of [
      withOwn,
      { cases: listed },
      { cases: [new Stamp(), new Stamp()] },
      new (class {
        cases = [1];
        toJSON() {
          return { y: 2 };
        }
      })(),
    ])
      expect(jsonText(v, 'cases')).toBe(JSON.stringify(v, null, 1) + '\n');
  });
});

describe('compareText orders as localeCompare does', () => {
  it('on case, accents, punctuation, digits and non-Latin ids', async () => {
    const { compareText } = await import('../src/util/format.js');
    const ids = [
      'case-10',
      'case-2',
      'Case-2',
      'case_2',
      'café',
      'cafe',
      'Zeta',
      'alpha',
      'Ålesund',
      'ид-1',
      '案件',
      '',
    ];
    for (const a of ids)
      for (const b of ids) expect(Math.sign(compareText(a, b))).toBe(Math.sign(a.localeCompare(b)));
  });
});
