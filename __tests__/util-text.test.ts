import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
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

describe("compareText: one order whatever the machine's locale", () => {
  it('under a Danish locale, where localeCompare puts "aa" after "z", ids sort as in CI', () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const module = join(here, '..', 'src', 'util', 'format.ts');
    const run = (code: string) =>
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
        env: { ...process.env, LC_ALL: 'da_DK.UTF-8', LANG: 'da_DK.UTF-8' },
        encoding: 'utf8',
      }).trim();
    const ids = JSON.stringify(['z', 'aa', 'case-y', 'case-j', 'Case-2', 'case-10']);
    // The locale takes effect in the child (else this test would prove nothing).
    expect(run(`console.log(JSON.stringify(${ids}.sort((a, b) => a.localeCompare(b))))`)).toContain(
      '"z","aa"',
    );
    const sorted = run(
      `import { compareText } from ${JSON.stringify(module)}; console.log(JSON.stringify(${ids}.sort(compareText)))`,
    );
    expect(JSON.parse(sorted)).toEqual(JSON.parse(ids).sort(new Intl.Collator('en').compare));
    expect(JSON.parse(sorted).slice(0, 2)).toEqual(['aa', 'case-10']);
  });
});
