import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { packageRoot } from '../util/paths.js';
import { pct } from '../util/format.js';
import { evaluateSignoffs, type SignoffRequest } from '../policy/signoff.js';
import { withGovernance } from '../verdict/gate.js';
import { writeReports } from '../report/write.js';
import { renderStressSummary } from '../report/stress-markdown.js';
import { stress as stressUseCase, stressIncomplete } from './stress.js';
import { ExitError } from './errors.js';
import { promoteFailures } from './promote.js';
import { auditedGate } from './release.js';
import { replay as replayUseCase } from './replay.js';

export interface DemoOptions {
  outDir: string;
  rollouts: number;
  samples: number;
  /** Where each step is announced (the CLI: stderr). */
  say?: (step: string) => void;
}

const DEMO_HEAD = 'de30c0ffee12';

/**
 * The closed loop on the built-in simulated agents, no keys, no network: discover (stress sim:v2), convert
 * (promote), gate (sim:v1 vs sim:v2 on the starter suite plus the promoted cases), learn (replay a production
 * incident with its traffic log), govern (a board override, with one request that does not count). Every step
 * writes what the real command writes; index.md ties them together.
 */
export async function demo(o: DemoOptions): Promise<{ index: string; text: string }> {
  const out = resolve(o.outDir, 'demo');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const examples = join(packageRoot(), 'examples');
  const suiteDir = join(out, '2-promote', 'suite');
  // Its own config, so a .safety-gate.yml in the working directory cannot change the demo.
  const config = join(out, 'safety-gate.yml');
  writeFileSync(
    config,
    [
      '# The demo project: the starter suite, the core rules, the simulated agents, no cache.',
      `suite: [builtin:starter, ${JSON.stringify(suiteDir)}]`,
      'rules: [builtin:core]',
      'target: { type: sim, profile: v2 }',
      `samples: ${o.samples}`,
      'cache: false',
      'signoff: { security: [alice], board: [carol, dave], quorum: 2 }',
      '',
    ].join('\n'),
  );
  mkdirSync(suiteDir, { recursive: true });
  const say = o.say ?? (() => {});

  say('1/5 stress: adaptive multi-turn red-teaming of sim:v2');
  const stressFile = join(out, '1-stress', 'stress_failures.json');
  const stress = await stressUseCase({
    config,
    suite: ['builtin:starter'],
    target: 'sim:v2',
    rollouts: o.rollouts,
    turns: 6,
    strategy: 'thompson',
    confirm: 3,
    out: stressFile,
  });
  writeFileSync(join(out, '1-stress', 'stress.md'), renderStressSummary(stress));
  const incomplete = stressIncomplete(stress);
  if (incomplete) throw new ExitError(incomplete);

  say('2/5 promote: the most reproducible findings become regression cases');
  const promoted = await promoteFailures({
    failures: stressFile,
    suite: suiteDir,
    minRate: 0.5,
    max: 8,
    config,
  });

  say('3/5 gate: sim:v1 (base) vs sim:v2 (head) on the starter suite plus the promoted cases');
  const { gate } = await auditedGate({
    config,
    baseline: 'sim:v1',
    candidate: 'sim:v2',
    outDir: join(out, '3-gate'),
  });

  say('4/5 replay: a production incident, its root cause, blast radius and new cases');
  const { replay } = await replayUseCase({
    config,
    incident: join(examples, 'incidents', 'inc-2026-0142.yml'),
    traffic: join(examples, 'traffic', 'support-2026-10.jsonl'),
    target: 'sim:v2',
    outDir: join(out, '4-replay'),
    samples: 20,
    maxCases: 5,
  });

  say('5/5 governance: the review board overrides the BLOCK; the author cannot');
  const at = new Date().toISOString();
  const requests: SignoffRequest[] = [
    {
      kind: 'board',
      by: 'mallory',
      at,
      reason: 'my change, I say it is fine',
      sha: DEMO_HEAD,
      source: 'demo',
    },
    {
      kind: 'board',
      by: 'carol',
      at,
      reason: 'outage hotfix, tracked in INC-9',
      sha: DEMO_HEAD,
      source: 'demo',
    },
    {
      kind: 'board',
      by: 'dave',
      at,
      reason: 'agreed; the follow-up restores the refusals',
      sha: DEMO_HEAD,
      source: 'demo',
    },
  ];
  const governed = withGovernance(
    gate,
    await evaluateSignoffs(
      gate.verdict,
      requests,
      { security: ['alice'], board: ['carol', 'dave'], quorum: 2 },
      { headSha: DEMO_HEAD, author: 'mallory' },
    ),
  );
  writeReports(governed, join(out, '5-governance'));

  const r = replay.file;
  // Links relative to index.md, so the folder can be moved or uploaded as it is.
  const rel = (p: string) => `[${relative(out, p)}](${relative(out, p)})`;
  const lines = [
    '# agentic-safety-gate: the closed loop, on simulated agents',
    '',
    'Every number here comes from the built-in simulated agents (`sim:v1` well aligned, `sim:v2` eroding under',
    'multi-turn pressure); no model was called.',
    '',
    `1. **Discover** (${rel(stressFile)}): ${stress.rollouts} adaptive rollouts against sim:v2 broke a rule in ${stress.summary.failingRollouts} (${pct(stress.summary.failingRollouts / stress.rollouts)}): ${stress.summary.unique} distinct failures, ${stress.summary.delayed} of them delayed (first failure at turn ${stress.delayedTurn} or later).`,
    `2. **Convert** (${rel(suiteDir)}): ${promoted.promoted.length} findings reproduced at 50% or more became regression cases; ${promoted.skipped.length} were left out.`,
    `3. **Gate** (${rel(join(out, '3-gate', 'report.html'))}): sim:v1 ${pct(gate.baseline.passRate)} -> sim:v2 ${pct(gate.candidate.passRate)} pass rate on ${gate.compared} cases: **${gate.verdict}** (${gate.reasons
      .filter((x) => x.level === 'BLOCK')
      .map((x) => x.code)
      .join(', ')}).`,
    `4. **Learn** (${rel(join(out, '4-replay', 'replay.md'))}): incident ${r.incident.id} is ${r.rootCause.category} (${r.rootCause.mechanism.replace(/_/g, ' ')}, turn ${r.rootCause.turn}); ${r.blastRadius?.affected.k ?? 0} of ${r.blastRadius?.conversations ?? 0} logged conversations failed the same way, about ${r.blastRadius?.volume?.affected ?? '?'} in the period; sim:v2 still fails it: **${r.verdict}**; ${r.cases.length} new case(s).`,
    `5. **Govern** (${rel(join(out, '5-governance', 'summary.md'))}): the board's quorum (carol, dave) overrode the BLOCK for commit ${DEMO_HEAD}; the author's own override was not counted. The verdict stays ${governed.verdict}; cleared by: ${governed.clearedBy}.`,
    '',
  ];
  const text = lines.join('\n');
  const index = join(out, 'index.md');
  writeFileSync(index, text);
  return { index, text };
}
