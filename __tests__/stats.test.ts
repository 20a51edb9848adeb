import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compare } from '../src/verdict/compare.js';
import { defaultPolicy } from '../src/policy/load.js';
import { binomialUpperTailHalf, fisherOneSided } from '../src/stats/exact.js';
import { benjaminiHochberg, holm } from '../src/stats/adjust.js';
import { stratifiedExact } from '../src/stats/stratified.js';
import { deltaInterval } from '../src/stats/difference.js';
import { rngFor } from '../src/util/rng.js';
import { clopperPearson } from '../src/stats/proportion.js';
import { resultsFrom, type CodedCase } from './helpers/results.js';

interface Dataset {
  name: string;
  alphaBlock: number;
  alphaWarn: number;
  minRegression: number;
  delayedTurn: number;
  cases: CodedCase[];
  expected: {
    overall: {
      test: string;
      pValue: number;
      delta: number;
      ci: [number, number];
      mde: number;
      n: number;
      statistic: number;
    };
    delayed: { pValue: number; delta: number };
    categories: Array<{ name: string; pValue: number; pAdjusted: number; delta: number }>;
    cases: Array<{ id: string; pValue: number; pAdjusted: number; pAdjustedBH: number; status: string }>;
  };
}

const here = dirname(fileURLToPath(import.meta.url));
const ref = JSON.parse(readFileSync(join(here, 'fixtures', 'stats', 'reference.json'), 'utf8')) as {
  datasets: Dataset[];
};

/** p-values: 1e-6 relative, with no absolute slack, so a tail that underflows to 0 fails. */
function expectP(actual: number | null, expected: number, what: string) {
  if (expected === 0) {
    expect({ what, actual }).toEqual({ what, actual: 0 });
    return;
  }
  const rel = Math.abs((actual ?? NaN) - expected) / expected;
  if (!(rel <= 1e-6))
    throw new Error(`${what}: got ${actual}, scipy says ${expected} (relative error ${rel})`);
}
function expectClose(actual: number, expected: number, what: string, tol = 1e-9) {
  if (!(Math.abs(actual - expected) <= tol)) throw new Error(`${what}: got ${actual}, expected ${expected}`);
}

describe('statistics match scipy reference values (generate.py)', () => {
  it('has at least 30 datasets, including tails far below 1e-30', () => {
    expect(ref.datasets.length).toBeGreaterThanOrEqual(30);
    const tiny = ref.datasets
      .flatMap((d) => [d.expected.overall.pValue, ...d.expected.cases.map((c) => c.pValue)])
      .filter((p) => p > 0 && p < 1e-30);
    expect(tiny.length).toBeGreaterThanOrEqual(2);
  });

  it.each(ref.datasets.map((d) => [d.name, d] as const))('%s', (_name, d) => {
    const policy = {
      ...defaultPolicy(),
      alphaBlock: d.alphaBlock,
      alphaWarn: d.alphaWarn,
      minRegression: d.minRegression,
      delayedTurn: d.delayedTurn,
    };
    const cmp = compare(resultsFrom(d.cases, 'b'), resultsFrom(d.cases, 'c'), policy);
    const e = d.expected;
    expect(cmp.overall.test).toBe(e.overall.test);
    expect(cmp.overall.n).toBe(e.overall.n);
    expect(cmp.overall.statistic).toBe(e.overall.statistic);
    expectP(cmp.overall.pValue, e.overall.pValue, 'overall pValue');
    expectClose(cmp.overall.delta, e.overall.delta, 'delta');
    expectClose(cmp.overall.ci[0], e.overall.ci[0], 'ci low', 1e-7);
    expectClose(cmp.overall.ci[1], e.overall.ci[1], 'ci high', 1e-7);
    expectClose(cmp.overall.mde, e.overall.mde, 'mde', 1e-7);
    expectP(cmp.delayed.pValue, e.delayed.pValue, 'delayed pValue');
    expectClose(cmp.delayed.delta, e.delayed.delta, 'delayed delta');
    expect(cmp.categories.map((c) => c.name)).toEqual(e.categories.map((c) => c.name));
    cmp.categories.forEach((c, i) => {
      expectClose(c.delta, e.categories[i].delta, `category ${c.name} delta`);
      expectP(c.pValue, e.categories[i].pValue, `category ${c.name} pValue`);
      expectP(c.pAdjusted, e.categories[i].pAdjusted, `category ${c.name} pAdjusted`);
    });
    const byId = new Map(cmp.cases.map((c) => [c.id, c]));
    for (const ec of e.cases) {
      expectP(byId.get(ec.id)!.pValue, ec.pValue, `case ${ec.id} pValue`);
      expectP(byId.get(ec.id)!.pAdjusted, ec.pAdjusted, `case ${ec.id} pAdjusted (Holm in class)`);
      expectP(byId.get(ec.id)!.pAdjustedBH, ec.pAdjustedBH, `case ${ec.id} pAdjustedBH`);
      expect(`${ec.id}: ${byId.get(ec.id)!.status}`).toBe(`${ec.id}: ${ec.status}`);
    }
  });
});

describe('exact tails in log space', () => {
  it('binomial tail where a naive sum underflows', () => {
    expectP(binomialUpperTailHalf(10000, 6000), 8.702158206134146e-90, 'P(Bin(10000,.5) >= 6000)');
    expect(binomialUpperTailHalf(10, 0)).toBe(1);
    expect(binomialUpperTailHalf(10, 11)).toBe(0);
  });
  it('Fisher: 200/200 vs 0/200 is 1/C(400,200)', () => {
    expectP(fisherOneSided(200, 0, 0, 200), 9.713217247611174e-120, 'fisher');
    expect(fisherOneSided(3, 2, 3, 2)).toBeCloseTo(0.7380952380952381, 12);
  });
  it('Holm and BH keep input order and monotonicity', () => {
    expect(holm([0.01, 0.04, 0.03])).toEqual([0.03, 0.06, 0.06]);
    expect(benjaminiHochberg([0.01, 0.04, 0.03])).toEqual([0.03, 0.04, 0.04]);
  });
});

describe('the stratified exact test and the interval floor', () => {
  it('one broken case among 200 stable ones: p is 1/C(20,10), and a single flaky case is not significant', () => {
    const stable = Array.from({ length: 199 }, () => ({ nb: 10, fb: 0, nc: 10, fc: 0 }));
    const broken = stratifiedExact([...stable, { nb: 10, fb: 0, nc: 10, fc: 10 }]);
    expectP(broken.pValue, 1 / 184756, 'one broken case');
    expect(broken.informative).toBe(1);
    const flaky = stratifiedExact([...stable, { nb: 5, fb: 2, nc: 5, fc: 3 }]);
    expect(flaky.pValue).toBeCloseTo(0.5, 12); // P(X >= 3), X ~ Hypergeom(10, 5, 5): exactly 1/2 by symmetry
  });
  it('is fast and finite on 20,000 cases x 5 samples with every case flaky', () => {
    const strata = Array.from({ length: 20_000 }, (_, i) => ({
      nb: 5,
      fb: 1 + (i % 3),
      nc: 5,
      fc: 1 + (i % 3),
    }));
    const r = stratifiedExact(strata);
    expect(r.pValue).toBeGreaterThan(0.4);
    expect(r.pValue).toBeLessThan(0.6);
  });
  it('large suites of a few case shapes (summed by repeated squaring) match scipy without grouping or trimming', () => {
    const large = JSON.parse(
      readFileSync(join(here, 'fixtures', 'stats', 'stratified_large.json'), 'utf8'),
    ) as { datasets: Array<{ name: string; groups: number[][]; p: number }> };
    expect(large.datasets.length).toBe(6);
    for (const d of large.datasets) {
      const strata = d.groups.flatMap(([nb, fb, nc, fc, m]) =>
        Array.from({ length: m }, () => ({ nb, fb, nc, fc })),
      );
      // Shuffled, so equal margins are not adjacent: grouping must not depend on the order of the cases.
      const rand = rngFor(d.name);
      for (let i = strata.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [strata[i], strata[j]] = [strata[j], strata[i]];
      }
      expectP(stratifiedExact(strata).pValue, d.p, d.name);
    }
  });
  it('20,000 one-sample discordant cases (one binomial group) match scipy to 1e-11, in the middle and far in the tail', () => {
    const large = JSON.parse(
      readFileSync(join(here, 'fixtures', 'stats', 'stratified_large.json'), 'utf8'),
    ) as { mcnemarLarge: Array<{ discordant: number; candidateOnly: number; p: number }> };
    expect(large.mcnemarLarge.length).toBe(4);
    for (const d of large.mcnemarLarge) {
      const strata = Array.from({ length: d.discordant }, (_, i) =>
        i < d.candidateOnly ? { nb: 1, fb: 0, nc: 1, fc: 1 } : { nb: 1, fb: 1, nc: 1, fc: 0 },
      );
      const p = stratifiedExact(strata).pValue;
      const rel = Math.abs(p - d.p) / d.p;
      if (!(rel <= 1e-11))
        throw new Error(
          `${d.candidateOnly} of ${d.discordant}: got ${p}, scipy says ${d.p} (relative error ${rel})`,
        );
    }
  });
  it('no interval has zero width, even when no case differs', () => {
    const same = Array.from({ length: 44 }, () => ({ nb: 5, fb: 0, nc: 5, fc: 0 }));
    const r = deltaInterval(same);
    expect(r.delta).toBe(0);
    expect(r.ci[1] - r.ci[0]).toBeGreaterThan(0.01);
  });
});

describe('confidence interval coverage', () => {
  it('the 95% CI of delta covers the true difference in at least 93% of 1,000 simulated paired datasets', () => {
    const rand = rngFor('coverage');
    const trueDelta = -0.05;
    let covered = 0;
    const runs = 1000;
    for (let r = 0; r < runs; r++) {
      const n = 40 + Math.floor(rand() * 60);
      const k = 3 + Math.floor(rand() * 5);
      const counts = [];
      for (let i = 0; i < n; i++) {
        // Per-case true pass probabilities; the candidate's are exactly 0.05 lower, so E[d] = -0.05.
        const p = 0.5 + 0.5 * rand();
        let fb = 0;
        let fc = 0;
        for (let j = 0; j < k; j++) {
          if (rand() >= p) fb++;
          if (rand() >= p + trueDelta) fc++;
        }
        counts.push({ nb: k, fb, nc: k, fc });
      }
      const { ci } = deltaInterval(counts);
      if (ci[0] <= trueDelta && trueDelta <= ci[1]) covered++;
    }
    expect(covered / runs).toBeGreaterThanOrEqual(0.93);
  });
});

describe('Clopper–Pearson intervals match scipy (proportion.py)', () => {
  const prop = JSON.parse(readFileSync(join(here, 'fixtures/stats/proportion.json'), 'utf8')) as {
    cases: Array<{ k: number; n: number; confidence: number; lo: number; hi: number }>;
  };
  it.each(prop.cases.map((c) => [`${c.k}/${c.n} at ${c.confidence}`, c] as const))('%s', (_n, c) => {
    const r = clopperPearson(c.k, c.n, c.confidence);
    // Relative, so the 2.5e-7 lower bound of 1 in 100,000 is checked as tightly as 0.4.
    expectP(r.ci[0], c.lo, 'lower bound');
    expectP(r.ci[1], c.hi, 'upper bound');
    expect(r.rate).toBe(c.k / c.n);
  });
  it('nothing observed claims nothing; impossible counts are refused', () => {
    expect(clopperPearson(0, 0)).toEqual({ k: 0, n: 0, rate: null, ci: [0, 1] });
    expect(() => clopperPearson(3, 2)).toThrow(/0 <= k <= n/);
    expect(() => clopperPearson(-1, 2)).toThrow(/0 <= k <= n/);
  });
});
