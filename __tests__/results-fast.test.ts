import { ResultsSchema } from '../src/results/schema.js';
import { fastResults } from '../src/results/fast.js';
import { rngFor } from '../src/util/rng.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A valid results document using every optional part of the format somewhere. */
function valid(rand: () => number): { [k: string]: Json } {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const cases = Array.from({ length: 6 }, (_, i) => {
    const samples = Array.from({ length: 3 }, (): { [k: string]: Json } => {
      const r = rand();
      if (r < 0.4) return { passed: true, firstFailureTurn: null, error: null, turns: 2 };
      if (r < 0.6)
        return {
          passed: false,
          firstFailureTurn: 2,
          error: null,
          turns: 2,
          calls: 3,
          violations: [{ rule: 'no-leak', turn: 2, evidence: 'sk-…' }],
          transcript: [
            { role: 'user', content: 'hi', turn: 1 },
            { role: 'assistant', content: 'no' },
          ],
        };
      if (r < 0.8) return { passed: false, firstFailureTurn: null, error: pick(['HTTP 500', '']) };
      return { passed: false, firstFailureTurn: 10_000 };
    });
    const c: { [k: string]: Json } = {
      id: `c${i}`,
      category: pick(['jailbreak', 'tool_misuse']),
      severity: pick(['low', 'medium', 'high', 'critical']),
      samples,
    };
    if (rand() < 0.5) c.title = `case ${i}`;
    if (rand() < 0.5) c.tags = ['a', 'b'];
    if (rand() < 0.5) c.file = 'cases.yml';
    if (rand() < 0.5) c.line = i + 1;
    return c;
  });
  const doc: { [k: string]: Json } = { cases };
  if (rand() < 0.5) doc.kind = 'safety-gate.results';
  if (rand() < 0.5) doc.schemaVersion = 1;
  if (rand() < 0.7) doc.target = { name: 'agent', ref: rand() < 0.5 ? null : 'abc', extra: 1 };
  if (rand() < 0.5) doc.seed = 's';
  if (rand() < 0.5) doc.shard = '1/2';
  return doc;
}

/** Every container path in a document, for mutation. */
function paths(
  v: Json,
  at: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

const REPLACEMENTS: Json[] = [
  null,
  '',
  'x',
  -1,
  0,
  1,
  1.5,
  10_001,
  true,
  false,
  {},
  [],
  'critical',
  'safety-gate.results',
  2,
];

function mutate(doc: Json, rand: () => number): Json {
  const copy = structuredClone(doc);
  const all = paths(copy);
  const path = all[Math.floor(rand() * all.length)];
  if (!path.length) return REPLACEMENTS[Math.floor(rand() * REPLACEMENTS.length)];
  const parent = path.slice(0, -1).reduce<Json>((o, k) => (o as Record<string, Json>)[k], copy) as Record<
    string,
    Json
  >;
  const key = path[path.length - 1];
  const r = rand();
  if (r < 0.15 && !Array.isArray(parent)) delete parent[key];
  else if (r < 0.25 && parent && typeof parent === 'object' && !Array.isArray(parent)) parent.zz = 1;
  else parent[key] = REPLACEMENTS[Math.floor(rand() * REPLACEMENTS.length)];
  return copy;
}

describe('the results fast path accepts only what the schema accepts, and returns what it returns', () => {
  it("valid documents take the fast path and equal the schema's output", () => {
    const rand = rngFor('fast-valid');
    for (let i = 0; i < 200; i++) {
      const doc = valid(rand);
      const fast = fastResults(structuredClone(doc));
      expect(fast).toBeDefined();
      expect(fast).toEqual(ResultsSchema.parse(structuredClone(doc)));
    }
  });

  it('a sparse tags array (possible from a library caller, not from JSON) is left to zod, which rejects it', () => {
    const doc = valid(rngFor('sparse'));
    const c = (doc.cases as Array<Record<string, unknown>>)[0];
    // eslint-disable-next-line no-sparse-arrays
    c.tags = [, 'a'];
    expect(fastResults(doc)).toBeUndefined();
    expect(ResultsSchema.safeParse(doc).success).toBe(false);
  });

  it('on 5,000 mutated documents: whenever the fast path answers, zod accepts the same document with the same result', () => {
    const rand = rngFor('fast-mutated');
    let fastAnswered = 0;
    let zodOnly = 0;
    for (let i = 0; i < 5000; i++) {
      const doc = mutate(valid(rand), rand);
      const zod = ResultsSchema.safeParse(structuredClone(doc));
      const fast = fastResults(structuredClone(doc));
      if (fast !== undefined) {
        fastAnswered++;
        expect(zod.success).toBe(true);
        expect(fast).toEqual(zod.data);
      } else if (zod.success) zodOnly++;
    }
    // The mutations reach both outcomes: many are invalid, many still valid and answered by the fast path.
    expect(fastAnswered).toBeGreaterThan(500);
    expect(fastAnswered + zodOnly).toBeLessThan(5000);
  });
});
