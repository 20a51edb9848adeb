// npm run bench calibration [scale]: false BLOCK / false WARN / power / calls of the verdict rules (SPEC §6.2, §6.3)
// on simulated suites shaped like real ones, in files mode and in run mode with sequential sampling. Figures go to
// docs/failure_budget.md. `scale` multiplies the replicate counts (default 1; 0.2 for a quick look).
import type { ResultsFile, SampleResult } from '../src/results/schema.js';
import type { Policy } from '../src/policy/schema.js';
import { defaultPolicy } from '../src/policy/load.js';
import { compare } from '../src/verdict/compare.js';
import { decide, suspectsToConfirm, type Confirmation, type Verdict } from '../src/verdict/decide.js';
import { designSequential, sequentialLook, sequentialRecord, type Look } from '../src/verdict/sequential.js';
import { rngFor } from '../src/util/rng.js';

type Severity = 'low' | 'medium' | 'high' | 'critical';

/** One case of a simulated suite: its failure probability per side and how many turns it has. */
interface SimCase {
  id: string;
  category: string;
  severity: Severity;
  turns: number;
  pFailB: number;
  pFailC: number;
  /** The candidate's failures come at the last turn (failures moved later). */
  lateC: boolean;
}

const CATEGORIES = [
  'data_exfiltration',
  'harmful_compliance',
  'jailbreak',
  'over_refusal',
  'policy_erosion',
  'prompt_injection',
  'system_prompt_leak',
  'tool_misuse',
];
// The starter suite's severity mix: 15 critical, 19 high, 8 medium, 2 low out of 44.
const MIX: Array<[Severity, number]> = [
  ['critical', 15 / 44],
  ['high', 19 / 44],
  ['medium', 8 / 44],
  ['low', 2 / 44],
];

export type Scenario =
  | { kind: 'null' }
  | { kind: 'spread'; drop: number }
  | { kind: 'broken'; critical: number }
  | { kind: 'later' };

/**
 * The issue's realistic suite: 75% of cases pass ~99% of the time, 20% are flaky (pass 50–90%), 5% always fail;
 * severities in the starter suite's proportions; 2–5 turns, failures at a uniformly random turn.
 */
export function simSuite(K: number, scenario: Scenario, seed: string): SimCase[] {
  const rand = rngFor(`suite:${seed}`);
  const cases: SimCase[] = [];
  for (let i = 0; i < K; i++) {
    const u = rand();
    const pFail = u < 0.75 ? 0.01 : u < 0.95 ? 0.1 + 0.4 * rand() : 1;
    let acc = 0;
    const v = rand();
    let severity: Severity = 'low';
    for (const [s, w] of MIX) {
      acc += w;
      if (v < acc) {
        severity = s;
        break;
      }
    }
    cases.push({
      id: `c${i}`,
      category: CATEGORIES[i % CATEGORIES.length],
      severity,
      turns: 2 + Math.floor(rand() * 4),
      pFailB: pFail,
      pFailC: pFail,
      lateC: false,
    });
  }
  if (scenario.kind === 'spread') for (const c of cases) c.pFailC = Math.min(1, c.pFailB + scenario.drop);
  if (scenario.kind === 'later') for (const c of cases) c.lateC = true;
  if (scenario.kind === 'broken') {
    // The first `critical` critical cases: stable (never failing) on the baseline, always failing on the candidate.
    let left = scenario.critical;
    for (const c of cases) {
      if (left === 0) break;
      if (c.severity !== 'critical') continue;
      c.pFailB = 0;
      c.pFailC = 1;
      left--;
    }
  }
  return cases;
}

function draw(c: SimCase, side: 'b' | 'c', rand: () => number): SampleResult {
  const p = side === 'b' ? c.pFailB : c.pFailC;
  if (rand() >= p) return { passed: true, firstFailureTurn: null, error: null, turns: c.turns };
  const turn = side === 'c' && c.lateC ? c.turns : 1 + Math.floor(rand() * c.turns);
  return { passed: false, firstFailureTurn: turn, error: null, turns: c.turns };
}

function results(cases: SimCase[], samples: SampleResult[][], name: string): ResultsFile {
  return {
    kind: 'safety-gate.results',
    schemaVersion: 1,
    target: { name },
    cases: cases.map((c, i) => ({
      id: c.id,
      category: c.category,
      severity: c.severity,
      samples: samples[i],
    })),
  };
}

function sampleSides(cases: SimCase[], k: number, rand: () => number): [ResultsFile, ResultsFile] {
  const b = cases.map((c) => Array.from({ length: k }, () => draw(c, 'b', rand)));
  const h = cases.map((c) => Array.from({ length: k }, () => draw(c, 'c', rand)));
  return [results(cases, b, 'base'), results(cases, h, 'head')];
}

interface Tally {
  runs: number;
  BLOCK: number;
  WARN: number;
  OK: number;
  calls: number;
  /** Reason codes seen, for reading what drives the false alarms. */
  codes: Record<string, number>;
}
const tally = (): Tally => ({ runs: 0, BLOCK: 0, WARN: 0, OK: 0, calls: 0, codes: {} });
function record(t: Tally, verdict: Verdict, codes: string[], calls: number): void {
  t.runs++;
  t[verdict]++;
  t.calls += calls;
  for (const c of new Set(codes)) t.codes[c] = (t.codes[c] ?? 0) + 1;
}

/** Files mode: k samples per side, then the verdict. */
export function filesMode(K: number, k: number, scenario: Scenario, reps: number, policy: Policy): Tally {
  const t = tally();
  for (let r = 0; r < reps; r++) {
    const cases = simSuite(K, scenario, `${K}:${r}`);
    const rand = rngFor(`files:${K}:${k}:${scenario.kind}:${r}`);
    const [b, c] = sampleSides(cases, k, rand);
    const d = decide(compare(b, c, policy), policy);
    record(
      t,
      d.verdict,
      d.reasons.map((x) => x.code),
      2 * K * k,
    );
  }
  return t;
}

/** Fresh samples for the suspects run mode confirms (critical and high). */
function confirmations(cases: SimCase[], ids: string[], n: number, rand: () => number): Confirmation[] {
  const byId = new Map(cases.map((c) => [c.id, c]));
  return ids.map((id) => {
    const c = byId.get(id)!;
    const count = (side: 'b' | 'c') => {
      let passes = 0;
      for (let i = 0; i < n; i++) if (draw(c, side, rand).passed) passes++;
      return { passes, valid: n };
    };
    return { id, baseline: count('b'), candidate: count('c') };
  });
}

/**
 * Run mode: rounds of one sample per side per case up to maxSamples, stopping at the sequential boundaries
 * (`sequential: true`) or not (the fixed design of the same maximum); then suspects confirmed with fresh samples.
 */
export function runMode(
  K: number,
  scenario: Scenario,
  reps: number,
  policy: Policy,
  sequential: boolean,
): Tally & { rounds: number[] } {
  const t = { ...tally(), rounds: [] as number[] };
  const design = designSequential(policy, K);
  for (let r = 0; r < reps; r++) {
    const cases = simSuite(K, scenario, `${K}:${r}`);
    const rand = rngFor(`run:${K}:${scenario.kind}:${r}`);
    const bs: SampleResult[][] = cases.map(() => []);
    const cs: SampleResult[][] = cases.map(() => []);
    const b = results(cases, bs, 'base');
    const c = results(cases, cs, 'head');
    let look: Look | null = null;
    let cmp = null;
    for (let round = 1; round <= design.maxRounds; round++) {
      cases.forEach((sc, i) => {
        bs[i].push(draw(sc, 'b', rand));
        cs[i].push(draw(sc, 'c', rand));
      });
      if (!sequential && round < design.maxRounds) continue;
      cmp = compare(b, c, policy);
      look = sequentialLook(design, cmp, policy, round);
      if (sequential && look.stop) break;
    }
    const suspects = suspectsToConfirm(cmp!).map((x) => x.id);
    const conf = confirmations(cases, suspects, policy.confirmSamples, rand);
    const rec = sequentialRecord(design, look!, K, 2 * policy.confirmSamples * suspects.length);
    const d = decide(cmp!, policy, {
      confirmations: conf,
      overallBlockThreshold: sequential ? rec.blockThreshold : undefined,
    });
    record(
      t,
      d.verdict,
      d.reasons.map((x) => x.code),
      rec.calls,
    );
    t.rounds.push(look!.round);
  }
  return t;
}

const pc = (x: number, n: number) => `${((100 * x) / n).toFixed(1)}%`;
/** ± one binomial standard error, in points. */
const se = (x: number, n: number) =>
  `±${((100 * Math.sqrt((x / n) * (1 - x / n))) / Math.sqrt(n)).toFixed(1)}`;
const top = (t: Tally) =>
  Object.entries(t.codes)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([k, v]) => `${k} ${pc(v, t.runs)}`)
    .join(', ');

export async function benchCalibration(): Promise<void> {
  const scale = Number(process.argv[3] ?? process.env.CALIBRATION_SCALE ?? 1);
  const reps = (n: number) => Math.max(20, Math.round(n * scale));
  const policy = defaultPolicy();
  const t0 = performance.now();
  console.log(
    'calibration: realistic flaky suites (75% pass ~99%, 20% flaky 50–90%, 5% always fail; starter severity mix)',
  );
  console.log(
    `policy: alphaBlock ${policy.alphaBlock}, alphaWarn ${policy.alphaWarn}, minRegression ${policy.minRegression}, confirmSamples ${policy.confirmSamples}`,
  );

  const only = process.argv[4]; // 'files' or 'run': one half of the benchmark
  if (only !== 'run') benchFiles(reps, policy);
  if (only !== 'files') benchRun(reps, policy);
  console.log(`\ncalibration took ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

function benchFiles(reps: (n: number) => number, policy: Policy): void {
  console.log('\nfiles mode, no change (candidate identical in distribution):');
  console.log('| cases × samples | runs | false BLOCK | false WARN | top reasons |');
  console.log('|---|---|---|---|---|');
  const acceptance = new Set(['44x5', '200x3', '1000x3']);
  for (const K of [20, 44, 200, 1000])
    for (const k of [1, 3, 5, 10]) {
      const n = acceptance.has(`${K}x${k}`) ? reps(K >= 1000 ? 1000 : 2000) : reps(K >= 1000 ? 200 : 400);
      const t = filesMode(K, k, { kind: 'null' }, n, policy);
      console.log(
        `| ${K} × ${k}${acceptance.has(`${K}x${k}`) ? ' (acceptance)' : ''} | ${t.runs} | ${pc(t.BLOCK, t.runs)} ${se(t.BLOCK, t.runs)} | ${pc(t.WARN, t.runs)} ${se(t.WARN, t.runs)} | ${top(t) || '—'} |`,
      );
    }

  console.log('\nfiles mode, regressions (power = share that BLOCKs; alarm = BLOCK or WARN):');
  console.log('| scenario | cases × samples | runs | BLOCK | WARN | top reasons |');
  console.log('|---|---|---|---|---|---|');
  const regs: Array<[string, Scenario, number, number]> = [
    ['one broken critical case (10/10 → 0/10)', { kind: 'broken', critical: 1 }, 200, 10],
    ['one broken critical case', { kind: 'broken', critical: 1 }, 200, 5],
    ['one broken critical case', { kind: 'broken', critical: 1 }, 44, 5],
    ['10% drop spread over every case', { kind: 'spread', drop: 0.1 }, 200, 5],
    ['10% drop spread', { kind: 'spread', drop: 0.1 }, 44, 5],
    ['5% drop spread', { kind: 'spread', drop: 0.05 }, 20, 5],
    ['5% drop spread', { kind: 'spread', drop: 0.05 }, 44, 5],
    ['5% drop spread', { kind: 'spread', drop: 0.05 }, 200, 3],
    ['5% drop spread', { kind: 'spread', drop: 0.05 }, 200, 5],
    ['5% drop spread', { kind: 'spread', drop: 0.05 }, 1000, 3],
    ['2% drop spread', { kind: 'spread', drop: 0.02 }, 1000, 3],
    ['failures moved to the last turn, same rate', { kind: 'later' }, 44, 5],
    ['failures moved to the last turn, same rate', { kind: 'later' }, 200, 3],
  ];
  for (const [name, sc, K, k] of regs) {
    const t = filesMode(K, k, sc, reps(K >= 1000 ? 200 : 400), policy);
    console.log(
      `| ${name} | ${K} × ${k} | ${t.runs} | ${pc(t.BLOCK, t.runs)} | ${pc(t.WARN, t.runs)} | ${top(t) || '—'} |`,
    );
  }
}

function benchRun(reps: (n: number) => number, policy: Policy): void {
  console.log(
    '\nrun mode: sequential (O’Brien–Fleming BLOCK, non-binding futility) vs the fixed design of the same maximum; suspects confirmed with fresh samples in both; calls = samples on both sides, confirmations included:',
  );
  console.log(
    '| scenario | cases (max samples) | runs | design | BLOCK | WARN | mean calls | calls saved | mean rounds | top reasons |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  const runs: Array<[string, Scenario]> = [
    ['no change', { kind: 'null' }],
    ['5% drop spread', { kind: 'spread', drop: 0.05 }],
    ['10% drop spread', { kind: 'spread', drop: 0.1 }],
    ['one broken critical case', { kind: 'broken', critical: 1 }],
  ];
  for (const K of [44, 200, 1000])
    for (const [name, sc] of runs) {
      const n = reps(sc.kind === 'null' ? (K >= 1000 ? 300 : 1000) : K >= 1000 ? 100 : 300);
      const seq = runMode(K, sc, n, policy, true);
      const fixed = runMode(K, sc, n, policy, false);
      const max = designSequential(policy, K).maxRounds;
      for (const [label, t] of [
        ['sequential', seq],
        ['fixed', fixed],
      ] as const) {
        const mean = t.calls / t.runs;
        const saved = label === 'sequential' ? `${(100 * (1 - seq.calls / fixed.calls)).toFixed(0)}%` : '—';
        const rounds = t.rounds.reduce((s, x) => s + x, 0) / t.rounds.length;
        console.log(
          `| ${name} | ${K} (${max}) | ${t.runs} | ${label} | ${pc(t.BLOCK, t.runs)} | ${pc(t.WARN, t.runs)} | ${mean.toFixed(0)} | ${saved} | ${rounds.toFixed(2)} | ${top(t) || '—'} |`,
        );
      }
    }
}
