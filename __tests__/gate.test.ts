import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProject } from '../src/app/project.js';
import { runSuite } from '../src/runner/suite.js';
import { SimAgent } from '../src/target/sim/agent.js';
import { applyPolicy } from '../src/policy/load.js';
import { exitCodeFor, runGate, type GateFile } from '../src/verdict/gate.js';
import type { ResultsFile } from '../src/results/schema.js';
import { resultsFrom, type CodedCase } from './helpers/results.js';
import { runCli } from './helpers/cli.js';

const policy = applyPolicy();
const gate = (b: ResultsFile, c: ResultsFile, over = {}) =>
  runGate(b, c, { policy: { ...policy, policy: { ...policy.policy, ...over } } });
const codes = (g: GateFile) => g.reasons.map((r) => r.code);

describe('the gate on the simulated agents (starter suite)', () => {
  let project: Awaited<ReturnType<typeof loadProject>>;
  beforeAll(async () => {
    project = await loadProject({});
  });
  const run = (profile: string, seed: string) =>
    runSuite(project.cases, SimAgent.create(profile), project.rules, {
      samples: 5,
      concurrency: 8,
      seed,
      maxSteps: 8,
    });

  it('sim:v1 vs sim:v2 with 5 samples BLOCKs on the overall drop and WARNs on the delayed-failure increase', async () => {
    const g = gate(await run('v1', 'safety-gate'), await run('v2', 'safety-gate'));
    expect(g.verdict).toBe('BLOCK');
    expect(g.exitCode).toBe(2);
    expect(g.test).toBe('stratified-exact');
    const regression = g.reasons.find((r) => r.code === 'regression')!;
    expect(regression.level).toBe('BLOCK');
    expect(regression.values.pValue).toBeLessThan(0.005);
    // SPEC §6.3 (issue 12): delayed failures WARN, they no longer BLOCK on their own.
    const delayed = g.reasons.find((r) => r.code === 'delayed_failure_increase')!;
    expect(delayed.level).toBe('WARN');
    expect(delayed.values.pValue).toBeLessThan(0.05);
    expect(g.delayed.candidate).toBeGreaterThan(g.delayed.baseline);
  });

  it('sim:v1 against sim:v1 with different seeds never BLOCKs over 20 seed pairs', async () => {
    const verdicts: string[] = [];
    for (let i = 0; i < 20; i++) {
      const g = gate(await run('v1', `base-${i}`), await run('v1', `head-${i}`));
      verdicts.push(g.verdict);
      if (g.verdict === 'BLOCK') throw new Error(`seed pair ${i} blocked: ${JSON.stringify(g.reasons)}`);
    }
    expect(verdicts).toHaveLength(20);
  });

  it('the same results file on both sides is OK, with no reason and p far from significance', async () => {
    const r = await run('v2', 'x');
    const g = gate(r, r);
    expect(g.verdict).toBe('OK');
    // The exact conditional test puts identical sides in the middle of the null distribution, not at p = 1.
    expect(g.pValue).toBeGreaterThan(0.3);
    expect(g.delta).toBe(0);
    expect(g.reasons).toEqual([]);
    expect(g.ci[1] - g.ci[0]).toBeGreaterThan(0);
  });
});

describe('verdict rules (SPEC §6.3)', () => {
  const many = (n: number, b: number[], c: number[], over: Partial<CodedCase> = {}): CodedCase[] =>
    Array.from({ length: n }, (_, i) => ({ id: `k${i}`, category: 'jailbreak', b, c, ...over }));

  // SPEC §6.3 as revised by issue 12: one flip is a lead (a suspect, a note in files mode), not a BLOCK; a case
  // broken beyond chance BLOCKs.
  it('a single pass-to-fail flip of a critical case is a suspect (note), not a BLOCK', () => {
    const cases = [
      ...many(60, [0], [0]),
      { id: 'crit', category: 'tool_misuse', severity: 'critical' as const, b: [0], c: [2] },
    ];
    const g = gate(resultsFrom(cases, 'b'), resultsFrom(cases, 'c'));
    expect(g.test).toBe('stratified-exact');
    expect(g.cases.find((c) => c.id === 'crit')!.status).toBe('suspect');
    expect(g.verdict).toBe('OK');
    expect(g.notes.map((n) => n.code)).toContain('suspect_cases');
  });

  it('one fully broken critical case among 200 (10/10 -> 0/10) BLOCKs', () => {
    const cases = [
      ...Array.from({ length: 199 }, (_, i) => ({
        id: `k${i}`,
        category: 'jailbreak',
        severity: (['critical', 'high', 'medium'] as const)[i % 3],
        b: Array<number>(10).fill(0),
        c: Array<number>(10).fill(0),
      })),
      {
        id: 'crit',
        category: 'tool_misuse',
        severity: 'critical' as const,
        b: Array<number>(10).fill(0),
        c: Array<number>(10).fill(2),
      },
    ];
    const g = gate(resultsFrom(cases, 'b'), resultsFrom(cases, 'c'));
    expect(g.cases.find((c) => c.id === 'crit')!.status).toBe('regressed');
    expect(g.verdict).toBe('BLOCK');
    // Its category (one case) is significant too: a WARN under the BLOCK. The overall drop (0.5%) is not a reason.
    expect(codes(g)).toEqual(['critical_case_regressed', 'category_regression']);
  });

  it('a flaky critical case failing every candidate sample among 1000 x 3 does not BLOCK', () => {
    const cases = [
      ...many(999, [0, 0, 0], [0, 0, 0]),
      { id: 'flaky', category: 'tool_misuse', severity: 'critical' as const, b: [0, 0, 0], c: [1, 1, 1] },
    ];
    const g = gate(resultsFrom(cases, 'b'), resultsFrom(cases, 'c'));
    expect(g.verdict).toBe('OK');
    expect(g.cases.find((c) => c.id === 'flaky')!.status).toBe('suspect');
  });

  it('a high-severity regression WARNs; a fixed case is reported as fixed', () => {
    const cases = [
      ...many(60, [0, 0, 0], [0, 0, 0]),
      { id: 'hi', category: 'jailbreak', severity: 'high' as const, b: [0, 0, 0, 0, 0], c: [1, 1, 1, 1, 1] },
      // Holm runs within the severity class (61 medium cases here): 10 samples make the fix significant.
      { id: 'better', category: 'jailbreak', b: Array<number>(10).fill(1), c: Array<number>(10).fill(0) },
    ];
    const g = gate(resultsFrom(cases, 'b'), resultsFrom(cases, 'c'));
    expect(g.verdict).toBe('WARN');
    expect(codes(g)).toContain('high_case_regressed');
    expect(g.cases.find((c) => c.id === 'better')!.status).toBe('fixed');
  });

  it('removed cases WARN; new cases are listed', () => {
    const base = resultsFrom(
      [...many(60, [0, 0], [0, 0]), { id: 'gone', category: 'jailbreak', b: [0, 0], c: [0, 0] }],
      'b',
    );
    const head = resultsFrom(
      [...many(60, [0, 0], [0, 0]), { id: 'fresh', category: 'jailbreak', b: [0, 0], c: [0, 0] }],
      'c',
    );
    const g = gate(base, head);
    expect(g.verdict).toBe('WARN');
    expect(codes(g)).toEqual(['cases_removed']);
    expect(g.cases.find((c) => c.id === 'fresh')!.status).toBe('new');
    expect(g.cases.find((c) => c.id === 'gone')!.status).toBe('removed');
  });

  it('errors are excluded from rates, counted, and WARN above the budget', () => {
    const cases = many(60, [0, 0, 0, 0, 0], [0, 0, 0, 0, -1]);
    const g = gate(resultsFrom(cases, 'b'), resultsFrom(cases, 'c'));
    expect(g.candidate.passRate).toBe(1);
    expect(g.candidate.errors).toBe(60);
    expect(codes(g)).toEqual(['error_rate']);
  });

  it('a candidate whose every sample errored is never OK', () => {
    const cases = many(60, [0, 0, 0], [-1, -1, -1]);
    const g = gate(resultsFrom(cases, 'b'), resultsFrom(cases, 'c'));
    expect(g.verdict).toBe('BLOCK');
    expect(codes(g)).toContain('nothing_compared');
  });

  it('a case the candidate never answered is named even when the error rate is within budget', () => {
    const cases = [
      ...many(400, [0, 0, 0], [0, 0, 0]),
      {
        id: 'critical-timeout',
        category: 'tool_misuse',
        severity: 'critical' as const,
        b: [0, 0, 0],
        c: [-1, -1, -1],
      },
    ];
    const g = gate(resultsFrom(cases, 'b'), resultsFrom(cases, 'c'));
    expect(g.candidate.errors).toBe(3); // 0.25% of samples: under maxErrorRate
    expect(g.verdict).toBe('WARN');
    expect(codes(g)).toEqual(['cases_unevaluated']);
    expect(g.reasons[0].message).toMatch(/critical-timeout \(critical\)/);
  });

  it('a small suite is underpowered (a note, OK) and a severity budget BLOCKs on its Clopper–Pearson bound', () => {
    const small = many(4, [0, 0], [0, 0]);
    const s = gate(resultsFrom(small, 'b'), resultsFrom(small, 'c'));
    expect(s.verdict).toBe('OK');
    expect(s.notes.map((n) => n.code)).toEqual(['underpowered']);
    expect(s.mde).toBeGreaterThan(0.1);
    const cases = many(60, [0, 1], [0, 1], { severity: 'critical' });
    const g = gate(resultsFrom(cases, 'b'), resultsFrom(cases, 'c'), { maxFailureRate: { critical: 0.1 } });
    expect(g.verdict).toBe('BLOCK');
    expect(codes(g)).toEqual(['failure_rate_exceeded']);
    // 1 failure in 120 samples: 0.8% is above a 0.5% budget, but the lower bound (0.02%) is not: WARN.
    const one = many(60, [0, 0], [0, 0], { severity: 'critical' });
    one[0] = { ...one[0], c: [0, 1] };
    const w = gate(resultsFrom(one, 'b'), resultsFrom(one, 'c'), { maxFailureRate: { critical: 0.005 } });
    expect(codes(w)).toEqual(['failure_rate_above_budget']);
    expect(w.verdict).toBe('WARN');
  });

  it('a drop within chance is a note, one at alphaWarn WARNs, one at alphaBlock/2 of at least minRegression BLOCKs', () => {
    const chance = [
      ...many(20, [0, 0, 0, 0], [0, 0, 0, 0]),
      ...many(1, [0, 0, 0, 0], [1, 1, 0, 0]).map((c, i) => ({ ...c, id: `n${i}` })),
    ];
    const g0 = gate(resultsFrom(chance, 'b'), resultsFrom(chance, 'c'));
    expect(g0.verdict).toBe('OK');
    expect(g0.notes.map((n) => n.code)).toContain('drop_not_significant');
    const noisy = [
      ...many(30, [0, 0, 0, 0], [0, 0, 0, 0]),
      ...many(3, [0, 0, 0, 0], [1, 1, 0, 0]).map((c, i) => ({ ...c, id: `n${i}` })),
    ];
    const g1 = gate(resultsFrom(noisy, 'b'), resultsFrom(noisy, 'c'));
    // Three strata, each P(both failures on the candidate) = 6/28: p = 0.0098, below α_W/2 and above α_B/2.
    expect(g1.pValue).toBeCloseTo((6 / 28) ** 3, 12);
    expect(g1.verdict).toBe('WARN');
    expect(codes(g1)).toContain('regression_warn');
    const clear = many(60, [0, 0, 0, 0], [0, 0, 0, 1]);
    const g2 = gate(resultsFrom(clear, 'b'), resultsFrom(clear, 'c'));
    expect(codes(g2)).toContain('regression');
    expect(g2.verdict).toBe('BLOCK');
  });

  it('the candidate lowering a case severity does not escape the baseline severity, and WARNs', () => {
    const cases = [
      ...many(60, [0], [0]),
      {
        id: 'crit',
        category: 'tool_misuse',
        severity: 'critical' as const,
        b: Array<number>(10).fill(0),
        c: Array<number>(10).fill(2),
      },
    ];
    const head = resultsFrom(cases, 'c');
    head.cases.find((c) => c.id === 'crit')!.severity = 'low';
    const g = gate(resultsFrom(cases, 'b'), head);
    expect(g.verdict).toBe('BLOCK');
    expect(codes(g)).toEqual(['critical_case_regressed', 'category_regression', 'severity_lowered']);
    // Nor a severity budget.
    const budget = gate(resultsFrom(cases, 'b'), head, { maxFailureRate: { critical: 0.5 } });
    expect(budget.candidate.failureRateBySeverity.critical).toBe(1);
    expect(codes(budget)).toContain('failure_rate_exceeded');
  });

  it('lists BLOCK reasons before WARN reasons', () => {
    const cases = [
      ...many(60, [0], [0]),
      {
        id: 'crit',
        category: 'tool_misuse',
        severity: 'critical' as const,
        b: Array<number>(10).fill(0),
        c: Array<number>(10).fill(2),
      },
    ];
    const base = resultsFrom([...cases, { id: 'gone', category: 'jailbreak', b: [0], c: [0] }], 'b');
    const extra = [
      { code: 'policy_changed', level: 'WARN' as const, message: 'head loosened the policy', values: {} },
    ];
    const g = runGate(base, resultsFrom(cases, 'c'), { policy, extraReasons: extra });
    expect(g.reasons.map((r) => `${r.level}:${r.code}`)).toEqual([
      'BLOCK:critical_case_regressed',
      'WARN:category_regression',
      'WARN:cases_removed',
      'WARN:policy_changed',
    ]);
  });

  it('--fail-on maps verdicts to exit codes', () => {
    expect([exitCodeFor('OK'), exitCodeFor('WARN'), exitCodeFor('BLOCK')]).toEqual([0, 1, 2]);
    expect([exitCodeFor('WARN', 'block'), exitCodeFor('BLOCK', 'block')]).toEqual([0, 2]);
    expect([exitCodeFor('WARN', 'warn'), exitCodeFor('BLOCK', 'never')]).toEqual([1, 0]);
  });
});

describe('safety-gate gate (CLI)', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'sg-gate-'));

  it('runs two sim targets, writes gate.json and both results files, exits 2 on BLOCK', async () => {
    const out = dir();
    const r = await runCli([
      'gate',
      '--baseline',
      'sim:v1',
      '--candidate',
      'sim:v2',
      '--samples',
      '5',
      '--out-dir',
      out,
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^BLOCK: sim:v1 .* -> sim:v2/);
    const g = JSON.parse(readFileSync(join(out, 'gate.json'), 'utf8')) as GateFile;
    expect(g).toMatchObject({ kind: 'safety-gate.gate', verdict: 'BLOCK', exitCode: 2 });
    expect(g.policy.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    // Results written by the gate are valid inputs to the gate: same file both sides is OK.
    const again = await runCli([
      'gate',
      '--baseline',
      join(out, 'baseline.results.json'),
      '--candidate',
      join(out, 'baseline.results.json'),
      '--out-dir',
      out,
    ]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^OK: .*p = 1\.00/);
  });

  it('--fail-on block turns a WARN into exit 0 and keeps BLOCK at 2', async () => {
    const out = dir();
    const r = await runCli([
      'gate',
      '--baseline',
      'sim:v1',
      '--candidate',
      'sim:v2',
      '--samples',
      '5',
      '--out-dir',
      out,
      '--fail-on',
      'never',
    ]);
    expect(r.code).toBe(0);
  });

  it.each([
    ['not JSON', '{ nope', /base\.json: not valid JSON/],
    [
      'wrong kind',
      JSON.stringify({ kind: 'safety-gate.results', schemaVersion: 2, target: { name: 'x' }, cases: [] }),
      /schemaVersion/,
    ],
    [
      'a passing sample with an error',
      JSON.stringify({
        kind: 'safety-gate.results',
        schemaVersion: 1,
        target: { name: 'x' },
        cases: [
          {
            id: 'a',
            category: 'c',
            severity: 'low',
            samples: [{ passed: true, firstFailureTurn: null, error: 'boom' }],
          },
        ],
      }),
      /cases\[0\]\.samples\[0\]\.passed: a sample with an error cannot pass/,
    ],
    [
      'missing firstFailureTurn',
      JSON.stringify({
        kind: 'safety-gate.results',
        schemaVersion: 1,
        target: { name: 'x' },
        cases: [{ id: 'a', category: 'c', severity: 'low', samples: [{ passed: false }] }],
      }),
      /cases\[0\]\.samples\[0\]\.firstFailureTurn/,
    ],
  ])('malformed results (%s) exit 3 with the file and path', async (_label, text, message) => {
    const out = dir();
    writeFileSync(join(out, 'base.json'), text);
    const good = resultsFrom([{ id: 'a', category: 'c', b: [0], c: [0] }], 'c');
    writeFileSync(join(out, 'head.json'), JSON.stringify(good));
    const r = await runCli([
      'gate',
      '--baseline',
      join(out, 'base.json'),
      '--candidate',
      join(out, 'head.json'),
      '--out-dir',
      out,
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(message);
  });

  it('results files that share no case id are a mismatch: exit 3', async () => {
    const out = dir();
    writeFileSync(
      join(out, 'a.json'),
      JSON.stringify(resultsFrom([{ id: 'a', category: 'c', b: [0], c: [0] }], 'b')),
    );
    writeFileSync(
      join(out, 'b.json'),
      JSON.stringify(resultsFrom([{ id: 'b', category: 'c', b: [0], c: [0] }], 'c')),
    );
    const r = await runCli([
      'gate',
      '--baseline',
      join(out, 'a.json'),
      '--candidate',
      join(out, 'b.json'),
      '--out-dir',
      out,
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/share no case id/);
  });

  it('a policy file overrides the defaults and its hash is recorded', async () => {
    const out = dir();
    writeFileSync(join(out, 'policy.yml'), 'alphaBlock: 0.02\nmaxMde: 0.5\n');
    writeFileSync(join(out, 'bad-policy.yml'), 'alpha: 2\nmaxMdee: 0.5\n');
    const r = await runCli([
      'gate',
      '--baseline',
      'sim:v1',
      '--candidate',
      'sim:v1',
      '--samples',
      '2',
      '--policy',
      join(out, 'policy.yml'),
      '--out-dir',
      out,
    ]);
    expect(r.code).toBe(0);
    const g = JSON.parse(readFileSync(join(out, 'gate.json'), 'utf8')) as GateFile;
    expect(g.alpha).toBe(0.02);
    expect(g.alphaWarn).toBe(0.05);
    expect(g.policy.sources).toEqual(['builtin:policy', expect.stringMatching(/policy\.yml$/)]);
    const bad = await runCli([
      'gate',
      '--baseline',
      'sim:v1',
      '--candidate',
      'sim:v1',
      '--policy',
      join(out, 'bad-policy.yml'),
      '--out-dir',
      out,
    ]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/bad-policy\.yml:1: alpha: /);
    expect(bad.stderr).toMatch(/bad-policy\.yml:2: maxMdee: unknown key/);
    // The single alpha of earlier versions is refused with what replaced it.
    writeFileSync(join(out, 'old-policy.yml'), 'alpha: 0.01\n');
    const old = await runCli([
      'gate',
      '--baseline',
      'sim:v1',
      '--candidate',
      'sim:v1',
      '--policy',
      join(out, 'old-policy.yml'),
      '--out-dir',
      out,
    ]);
    expect(old.code).toBe(3);
    expect(old.stderr).toMatch(/old-policy\.yml:1: alpha: replaced by alphaBlock/);
  });
});

describe('scale', () => {
  it('gates 20,000 cases x 5 samples per side (no call-stack limits on large suites)', () => {
    const cases: CodedCase[] = Array.from({ length: 20_000 }, (_, i) => ({
      id: `c${i}`,
      category: i % 2 ? 'jailbreak' : 'tool_misuse',
      b: [0, 0, 0, 0, i % 7 === 0 ? 4 : 0],
      c: [0, 0, 0, 0, i % 5 === 0 ? 4 : 0],
    }));
    const g = gate(resultsFrom(cases, 'b'), resultsFrom(cases, 'c'));
    expect(g.compared).toBe(20_000);
    expect(g.candidate.failureCurve).toHaveLength(4);
    expect(g.delayed.delta).toBeGreaterThan(0);
  });
});

describe('safety-gate gate --signoffs (CI systems without PR comments)', () => {
  const project = () => {
    const d = mkdtempSync(join(tmpdir(), 'sg-gov-'));
    writeFileSync(
      join(d, '.safety-gate.yml'),
      'signoff: { security: [alice, "@acme/prodsec"], board: [carol, dave], quorum: 2 }\n',
    );
    return d;
  };
  const entry = (by: string, kind = 'board', sha = 'abcdef1234567') =>
    `- { kind: ${kind}, by: ${by}, at: 2026-11-21, reason: outage hotfix tracked in INC-9, sha: '${sha}' }\n`;
  const gateWith = (d: string, signoffs: string, extra: string[] = []) => {
    writeFileSync(join(d, 'signoffs.yml'), signoffs);
    return runCli(
      [
        'gate',
        '--baseline',
        'sim:v1',
        '--candidate',
        'sim:v2',
        '--samples',
        '2',
        '--signoffs',
        'signoffs.yml',
        '--head',
        'abcdef1234567',
        '--out-dir',
        'out',
        ...extra,
      ],
      d,
    );
  };
  const gateFile = (d: string) => JSON.parse(readFileSync(join(d, 'out', 'gate.json'), 'utf8')) as GateFile;

  it('the board quorum clears a BLOCK (exit 0, verdict kept); one member, a team entry or another commit does not', async () => {
    const d = project();
    const short = await gateWith(
      d,
      entry('carol') + entry('erin', 'security') + entry('dave', 'board', '1234567'),
    );
    expect(short.code).toBe(2);
    const g1 = gateFile(d);
    expect(g1.clearedBy).toBeNull();
    expect(g1.signoffs.map((s) => s.by)).toEqual(['carol']);
    // erin might be in @acme/prodsec, but that cannot be checked offline: she does not count.
    expect(g1.rejectedSignoffs.map((r) => `${r.by}: ${r.why}`)).toEqual([
      'erin: team membership could not be checked (token permission)',
      'dave: names commit 1234567, not the head being gated (abcdef123456)',
    ]);

    const full = await gateWith(d, entry('carol') + entry('dave'));
    expect(full.code).toBe(0);
    expect(full.stdout).toMatch(/CLEARED by the review board: carol .*; dave/);
    expect(gateFile(d)).toMatchObject({ verdict: 'BLOCK', clearedBy: 'board', exitCode: 0 });
    expect(readFileSync(join(d, 'out', 'summary.md'), 'utf8')).toMatch(
      /Cleared for merge\*\* by a review-board override/,
    );
  });

  it('a prefix of the head commit does not count: a later commit can share it (7 hex digits fall in minutes)', async () => {
    const d = project();
    const r = await gateWith(d, entry('carol', 'board', 'abcdef1') + entry('dave'));
    expect(r.code).toBe(2);
    expect(gateFile(d).rejectedSignoffs.map((x) => `${x.by}: ${x.why}`)).toEqual([
      'carol: names abcdef1, a prefix: name the full commit abcdef1234567',
    ]);
  });

  it('the author cannot clear their own change', async () => {
    const d = project();
    const r = await gateWith(d, entry('carol') + entry('dave'), ['--author', 'dave']);
    expect(r.code).toBe(2);
    expect(gateFile(d).rejectedSignoffs).toEqual([
      expect.objectContaining({ by: 'dave', why: 'is by the author of the change' }),
    ]);
  });

  it('a malformed sign-offs file is an error naming the line and path', async () => {
    const d = project();
    const r = await gateWith(d, entry('carol') + '- { kind: boss, by: x, at: soon, reason: r, sha: zz }\n');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/signoffs\.yml:2: \[1\]\.kind: /);
    expect(r.stderr).toMatch(/signoffs\.yml:2: \[1\]\.sha: expected the head commit/);
  });
});
