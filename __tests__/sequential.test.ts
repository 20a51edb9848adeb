import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  efficacyBoundaries,
  futilityBoundaries,
  obfSpending,
  rejectionProbability,
  roundFractions,
} from '../src/stats/sequential.js';
import { defaultPolicy, applyPolicy } from '../src/policy/load.js';
import { defaultMaxSamples } from '../src/policy/schema.js';
import { compare } from '../src/verdict/compare.js';
import {
  designSequential,
  sequentialLook,
  sequentialRecord,
  sequentialThreshold,
} from '../src/verdict/sequential.js';
import { runGate } from '../src/verdict/gate.js';
import { renderSummary } from '../src/report/markdown.js';
import { resultsFrom, type CodedCase } from './helpers/results.js';

const here = dirname(fileURLToPath(import.meta.url));
const ref = JSON.parse(readFileSync(join(here, 'fixtures', 'stats', 'sequential.json'), 'utf8')) as {
  designs: Array<{
    alpha: number;
    rounds: number;
    beta: number;
    drift: number;
    efficacy: Array<number | null>;
    futility: number[];
    rejection: number;
    rejectionNull: number;
  }>;
};

describe('group-sequential boundaries match scipy (sequential.py)', () => {
  it('Lan–DeMets O’Brien–Fleming spending reaches alpha at t = 1 and is tiny early', () => {
    expect(obfSpending(0.005, 1)).toBeCloseTo(0.005, 15);
    expect(obfSpending(0.005, 0.5)).toBeLessThan(0.0002);
    expect(obfSpending(0.005, 0)).toBe(0);
  });

  it('the published one-sided 0.025, five-look boundaries (4.877, 3.357, 2.680, 2.290, 2.031)', () => {
    const b = efficacyBoundaries(0.025, roundFractions(5));
    expect(b.efficacy.map((x) => Number(x.toFixed(3)))).toEqual([4.877, 3.357, 2.68, 2.29, 2.031]);
    expect(b.spent[4]).toBeCloseTo(0.025, 12);
  });

  it.each(ref.designs.map((d) => [`alpha ${d.alpha}, ${d.rounds} rounds, drift ${d.drift}`, d] as const))(
    '%s',
    (_name, d) => {
      const b = efficacyBoundaries(d.alpha, roundFractions(d.rounds));
      d.efficacy.forEach((e, k) => {
        if (e === null) expect(b.efficacy[k]).toBeGreaterThan(8);
        else if (Math.abs(b.efficacy[k] - e) > 1e-3)
          throw new Error(`efficacy[${k}]: got ${b.efficacy[k]}, scipy says ${e}`);
      });
      const { futility } = futilityBoundaries(d.beta, d.drift, b);
      d.futility.forEach((a, k) => {
        if (Math.abs(futility[k] - a) > 2e-3)
          throw new Error(`futility[${k}]: got ${futility[k]}, scipy says ${a}`);
      });
      expect(Math.abs(rejectionProbability(b, d.drift) - d.rejection)).toBeLessThan(2e-4);
      expect(Math.abs(rejectionProbability(b, 0) - d.rejectionNull)).toBeLessThan(2e-5);
      expect(rejectionProbability(b, 0)).toBeCloseTo(d.alpha, 6);
    },
  );

  it('refuses looks that do not increase to 1', () => {
    expect(() => efficacyBoundaries(0.005, [0.5, 0.4, 1])).toThrow(/increase/);
    expect(() => efficacyBoundaries(0.005, [0.5, 0.9])).toThrow(/fraction 1/);
  });
});

describe('the sequential round planner', () => {
  const policy = defaultPolicy();
  const suite = (n: number, rounds: number, broken: number): CodedCase[] =>
    Array.from({ length: n }, (_, i) => ({
      id: `k${i}`,
      category: i % 2 ? 'jailbreak' : 'tool_misuse',
      severity: 'medium' as const,
      // Every 10th case is flaky on both sides (fails every other sample); `broken` cases fail on the candidate.
      b: Array.from({ length: rounds }, (_, r) => (i % 10 === 0 && r % 2 ? 2 : 0)),
      c: Array.from({ length: rounds }, (_, r) => (i < broken ? 3 : i % 10 === 0 && r % 2 === 0 ? 2 : 0)),
    }));

  it('defaults the budget from the suite size: 10 up to 50 cases, 6 from 200', () => {
    expect([
      defaultMaxSamples(20),
      defaultMaxSamples(50),
      defaultMaxSamples(125),
      defaultMaxSamples(1000),
    ]).toEqual([10, 10, 8, 6]);
    expect(designSequential(policy, 1000).maxRounds).toBe(6);
    expect(designSequential({ ...policy, maxSamples: 4 }, 1000).maxRounds).toBe(4);
  });

  it('a clean suite of 1000 cases stops early for futility; a broken one stops early to BLOCK', () => {
    const design = designSequential(policy, 1000);
    const clean = suite(1000, 2, 0);
    const look = sequentialLook(
      design,
      compare(resultsFrom(clean, 'b'), resultsFrom(clean, 'c'), policy),
      policy,
      2,
    );
    expect(look.stoppedFor).toBe('futility');
    expect(look.stop).toBe(true);
    expect(look.z).toBeLessThan(look.futility);
    expect(look.message).toMatch(/^round 2\/6: z = .* futility/);
    const rec = sequentialRecord(design, look, 1000);
    expect(rec).toMatchObject({
      rounds: 2,
      maxRounds: 6,
      stoppedFor: 'futility',
      calls: 4000,
      fixedCalls: 12000,
    });
    expect(rec.saved).toBeCloseTo(2 / 3, 12);

    const bad = suite(1000, 3, 60);
    const cmp = compare(resultsFrom(bad, 'b'), resultsFrom(bad, 'c'), policy);
    const hit = sequentialLook(design, cmp, policy, 3);
    expect(hit.stoppedFor).toBe('block');
    expect(hit.z).toBeGreaterThanOrEqual(hit.efficacy);
  });

  it('round 1 of a broken suite cannot stop on the O’Brien–Fleming boundary; the last round always stops', () => {
    const design = designSequential(policy, 40);
    const bad = suite(40, 1, 10);
    const cmp = compare(resultsFrom(bad, 'b'), resultsFrom(bad, 'c'), policy);
    const first = sequentialLook(design, cmp, policy, 1);
    expect(first.efficacy).toBeGreaterThan(first.z);
    expect(first.stoppedFor === 'block').toBe(false);
    const last = sequentialLook(design, cmp, policy, design.maxRounds);
    expect(last.stop).toBe(true);
    expect(() => sequentialLook(design, cmp, policy, 11)).toThrow(/outside 1\.\.10/);
  });

  it('the gate judges a sequential run at its round’s boundary and records it', () => {
    const applied = applyPolicy();
    const design = designSequential(applied.policy, 200);
    // p between the stricter boundary of round 2 and the fixed α_B/2: a fixed design BLOCKs, this one must not.
    // 196 stable cases and 4 broken at 2 samples a side: p = (1/6)^4 = 7.7e-4, a drop of exactly 2%.
    const cases: CodedCase[] = Array.from({ length: 200 }, (_, i) => ({
      id: `k${i}`,
      category: 'jailbreak',
      b: [0, 0],
      c: i < 4 ? [3, 3] : [0, 0],
    }));
    const b = resultsFrom(cases, 'b');
    const c = resultsFrom(cases, 'c');
    const cmp = compare(b, c, applied.policy);
    expect(cmp.overall.pValue).toBeCloseTo(1 / 6 ** 4, 12);
    expect(cmp.overall.pValue).toBeGreaterThan(sequentialThreshold(design, 2));
    const look = sequentialLook(design, cmp, applied.policy, 2);
    expect(look.stoppedFor).toBeNull();
    const rec = sequentialRecord(design, look, 200, 40);
    expect(rec.blockThreshold).toBe(sequentialThreshold(design, 2));
    expect(rec.calls).toBe(2 * 200 * 2 + 40);
    const fixed = runGate(b, c, { policy: applied });
    expect(fixed.reasons.map((r) => r.code)).toContain('regression');
    const g = runGate(b, c, { policy: applied, sequential: rec });
    expect(g.sequential).toEqual(rec);
    expect(g.reasons.map((r) => r.code)).not.toContain('regression');
    expect(g.reasons.map((r) => r.code)).toContain('regression_warn');
    expect(renderSummary(g)).toMatch(/Sequential sampling: decided at round 2 of 6 \(sample budget\)/);
    expect(renderSummary(g)).toContain(`${rec.calls} samples instead of 2400`);
  });
});
