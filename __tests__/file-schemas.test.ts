import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProject } from '../src/app/project.js';
import { loadIncident } from '../src/incident/load.js';
import { readReplay } from '../src/incident/read.js';
import { replayIncident } from '../src/incident/replay.js';
import { ReplayFileSchema } from '../src/incident/replay-schema.js';
import { readJsonFile } from '../src/input/json.js';
import { jsonText } from '../src/util/json-text.js';
import { applyPolicy } from '../src/policy/load.js';
import { evaluateSignoffs } from '../src/policy/signoff.js';
import { judgeCriteria } from '../src/release/checklist.js';
import { readHistory } from '../src/release/trend.js';
import { writeReplay, writeReports } from '../src/report/write.js';
import { FILE_SCHEMAS } from '../src/schema/export.js';
import { StressFileSchema } from '../src/stress/schema.js';
import { stressSearch } from '../src/stress/search.js';
import { SimAgent } from '../src/target/sim/agent.js';
import { runGate, withGovernance, type GateFile } from '../src/verdict/gate.js';
import { sampleForReview } from '../src/verdict/review.js';
import { GateFileSchema } from '../src/verdict/schema.js';
import { runCli } from './helpers/cli.js';
import { resultsFrom } from './helpers/results.js';
import { worseGate } from './helpers/worse.js';

/**
 * gate.json, replay.json and stress files have one zod schema each, that they are written to and read back with
 * (issue 10): what this tool writes parses back into the same object, and a malformed file is refused naming the
 * file and the path inside it.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
const NOW = new Date('2026-01-02T03:04:05.000Z');
/** What a file holds after JSON: undefined keys dropped. */
const asJson = <T>(x: T): unknown => JSON.parse(JSON.stringify(x));

/** An OK gate that goes through every optional part: sequential, release criteria, trend, review, sign-offs. */
async function fullGate(history: string): Promise<GateFile> {
  const cases = [
    { id: 'a', category: 'jailbreak', severity: 'critical' as const, b: [0, 0, 0], c: [0, 0, 0] },
    { id: 'b', category: 'tool_misuse', severity: 'high' as const, b: [0, 2, 0], c: [0, 0, 3] },
  ];
  let g = runGate(resultsFrom(cases, 'b', 'agent@base'), resultsFrom(cases, 'c', 'agent@head'), {
    policy: applyPolicy({ reviewSampleRate: 1, reviewSampleRequiresSignoff: true }),
    failOn: 'block',
    sequential: {
      rounds: 2,
      maxRounds: 3,
      stoppedFor: 'futility',
      calls: 8,
      fixedCalls: 12,
      saved: 1 / 3,
      blockThreshold: 0.001,
    },
    now: NOW,
  });
  g.release = await judgeCriteria(
    [
      { file: 'release.md', text: '- [x] red team signed off — @alice 2026-11-20\n- [ ] rollback plan\n' },
      { file: 'missing.md', text: undefined },
    ],
    { security: ['alice'], board: [], quorum: 1 },
  );
  g.trend = readHistory([history]);
  const sha = 'a'.repeat(40);
  g = sampleForReview(g, sha);
  const rules = { security: ['alice'], board: ['carol'], quorum: 1 };
  const requests = [
    {
      kind: 'security' as const,
      by: 'alice',
      at: '2026-11-21',
      reason: 'reviewed the sample',
      sha,
      source: 'f',
    },
    {
      kind: 'board' as const,
      by: 'mallory',
      at: '2026-11-21',
      reason: 'not on the board list',
      sha,
      source: 'f',
    },
  ];
  return withGovernance(g, await evaluateSignoffs(g.verdict, requests, rules, { headSha: sha }), rules);
}

describe('gate.json: one schema, written and read back', () => {
  it('the gate file kinds exported as JSON Schema are the schemas the files are read with', () => {
    expect(FILE_SCHEMAS.gate).toBe(GateFileSchema);
    expect(FILE_SCHEMAS.replay).toBe(ReplayFileSchema);
    expect(FILE_SCHEMAS.stress).toBe(StressFileSchema);
  });

  it('a written gate.json parses back into an equal object, and written again is the same bytes', async () => {
    const dir = tmp('sg-gate-schema-');
    const worse = worseGate();
    writeReports(worse, join(dir, 'worse'));
    const full = await fullGate(join(dir, 'worse', 'gate.json'));
    // Every optional part is there, so every part of the schema is exercised.
    expect(full).toMatchObject({ verdict: 'WARN', clearedBy: 'security' });
    for (const key of ['sequential', 'release', 'trend', 'review'] as const) expect(full[key]).toBeDefined();
    expect(full.rejectedSignoffs).toHaveLength(1);
    expect(worse.cases.some((c) => c.example)).toBe(true);
    writeReports(full, join(dir, 'full'));
    // A candidate that only errors: nothing compared, so no σ0 (null on disk, as JSON has always written NaN).
    const errored = [{ id: 'a', category: 'jailbreak', b: [0, 1], c: [-1, -1] }];
    const nothing = runGate(resultsFrom(errored, 'b'), resultsFrom(errored, 'c'), {
      policy: applyPolicy({}),
      now: NOW,
    });
    expect(nothing.reasons.map((r) => r.code)).toContain('nothing_compared');
    expect(nothing.power.sigma0).toBeNull();
    writeReports(nothing, join(dir, 'nothing'));

    for (const [name, g] of [
      ['worse', worse],
      ['full', full],
      ['nothing', nothing],
    ] as const) {
      const file = join(dir, name, 'gate.json');
      const text = readFileSync(file, 'utf8');
      const back = readJsonFile(file, GateFileSchema, 'gate file');
      expect(back).toEqual(asJson(g));
      // The reader keeps the writer's key order: `safety-gate report` writes gate.json again unchanged.
      expect(jsonText(back, 'cases')).toBe(text);
      const again = join(dir, name, 'again');
      expect((await runCli(['report', file, '--out-dir', again])).code).toBe(0);
      expect(readFileSync(join(again, 'gate.json'), 'utf8')).toBe(text);
    }
  });

  it('keys a later version adds pass through a re-render, at any depth; keys older files lack take their defaults', async () => {
    const dir = tmp('sg-gate-schema-');
    const g = asJson(worseGate()) as Record<string, unknown> & { cases: Array<Record<string, unknown>> };
    g.fromTheFuture = { x: 1 };
    g.cases[0].fromTheFuture = true;
    delete g.notes;
    delete g.rejectedSignoffs;
    delete g.clearedBy;
    delete g.alphaWarn;
    writeFileSync(join(dir, 'gate.json'), JSON.stringify(g));
    expect((await runCli(['report', join(dir, 'gate.json'), '--out-dir', join(dir, 'out')])).code).toBe(0);
    const again = JSON.parse(readFileSync(join(dir, 'out', 'gate.json'), 'utf8')) as Record<
      string,
      unknown
    > & {
      cases: Array<Record<string, unknown>>;
    };
    expect(again.fromTheFuture).toEqual({ x: 1 });
    expect(again.cases[0].fromTheFuture).toBe(true);
    expect(again).toMatchObject({ notes: [], rejectedSignoffs: [], clearedBy: null });
    expect(again.alphaWarn).toBeUndefined();
  });

  it('a malformed gate.json is refused, naming the file and every path that is wrong', async () => {
    const dir = tmp('sg-gate-schema-');
    const g = asJson(worseGate()) as Record<string, unknown> & {
      cases: Array<Record<string, unknown>>;
      reasons: Array<Record<string, unknown>>;
    };
    const bad = (name: string, data: unknown) => {
      writeFileSync(join(dir, name), JSON.stringify(data));
      return runCli(['report', join(dir, name), '--out-dir', join(dir, 'out')]);
    };
    const maybe = await bad('maybe.json', { ...g, verdict: 'MAYBE', cases: {} });
    expect(maybe.code).toBe(3);
    expect(maybe.stderr).toMatch(
      /maybe\.json: verdict: Invalid option: expected one of "OK"\|"WARN"\|"BLOCK"/,
    );
    expect(maybe.stderr).toMatch(/maybe\.json: cases: Invalid input: expected array, received object/);

    // What the old reader let through: a made-up case status, a reason without its numbers, no power analysis.
    const { power: _power, ...noPower } = g;
    const deep = await bad('deep.json', {
      ...noPower,
      cases: [
        { ...g.cases[0], status: 'worse', baseline: { ...(g.cases[0].baseline as object), passes: '5' } },
      ],
      reasons: [{ ...g.reasons[0], values: undefined }],
    });
    expect(deep.code).toBe(3);
    expect(deep.stderr).toMatch(/deep\.json: power: Invalid input: expected object, received undefined/);
    expect(deep.stderr).toMatch(/deep\.json: cases\[0\]\.status: Invalid option/);
    expect(deep.stderr).toMatch(
      /deep\.json: cases\[0\]\.baseline\.passes: Invalid input: expected number, received string/,
    );
    expect(deep.stderr).toMatch(/deep\.json: reasons\[0\]\.values: Invalid input: expected record/);
  });
});

describe('replay.json: one schema, written and read back', () => {
  let file: string;
  let written: unknown;
  beforeAll(async () => {
    const project = await loadProject({ cwd: root, withSuite: false });
    const r = await replayIncident({
      incident: loadIncident(join(root, 'examples/incidents/inc-2026-0142.yml')),
      traffic: { path: join(root, 'examples/traffic/support-2026-10.jsonl'), label: 'traffic.jsonl' },
      rules: project.rules,
      delayedTurn: 3,
      target: SimAgent.create('v2'),
      samples: 3,
      concurrency: 4,
      seed: 'file-schemas',
      maxSteps: project.config.maxSteps,
      maxCases: 5,
      casesFile: 'cases/incident.yml',
      now: NOW,
    });
    const dir = tmp('sg-replay-schema-');
    file = writeReplay(r, dir).replay;
    written = asJson(r.file);
  });

  it('a written replay.json parses back into an equal object', () => {
    const back = readReplay(file, JSON.parse(readFileSync(file, 'utf8')));
    // The blast radius, its variants and a conversation with tool calls are all there to be checked.
    expect(back.file.blastRadius?.variants.length).toBeGreaterThan(0);
    expect(back.file.conversation.some((m) => m.role === 'assistant' && m.tool_calls?.length)).toBe(true);
    expect(back.file).toEqual(written);
  });

  it('a malformed replay.json is refused, naming the file and every path that is wrong', async () => {
    const f = written as Record<string, unknown> & {
      conversation: Array<Record<string, unknown>>;
      rootCause: Record<string, unknown>;
    };
    const dir = tmp('sg-replay-schema-');
    const bad = join(dir, 'replay.json');
    writeFileSync(
      bad,
      JSON.stringify({
        ...f,
        verdict: 'MAYBE',
        cases: {},
        conversation: [{ ...f.conversation[0], role: 'robot' }],
        rootCause: { ...f.rootCause, mechanism: 'magic' },
      }),
    );
    const r = await runCli(['report', bad, '--out-dir', join(dir, 'out')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/replay\.json: verdict: Invalid option/);
    expect(r.stderr).toMatch(/replay\.json: cases: Invalid input: expected array, received object/);
    expect(r.stderr).toMatch(/replay\.json: conversation\[0\]\.role: Invalid discriminator value/);
    expect(r.stderr).toMatch(/replay\.json: rootCause\.mechanism: Invalid option/);
  });
});

describe('stress file: one schema, written and read back', () => {
  let file: string;
  let written: unknown;
  beforeAll(async () => {
    const project = await loadProject({ cwd: root });
    const f = await stressSearch({
      seeds: project.cases,
      target: SimAgent.create('v2'),
      rules: project.rules,
      rollouts: 40,
      maxTurns: 5,
      delayedTurn: 3,
      concurrency: 8,
      seed: 'file-schemas',
      maxSteps: project.config.maxSteps,
      strategy: 'thompson',
      confirm: 2,
      now: NOW,
    });
    file = join(tmp('sg-stress-schema-'), 'stress.json');
    writeFileSync(file, JSON.stringify(f, null, 1) + '\n');
    written = asJson(f);
  });

  it('a written stress file parses back into an equal object', () => {
    const back = readJsonFile(file, StressFileSchema, 'stress file');
    expect(back.failures.length).toBeGreaterThan(0);
    expect(back).toEqual(written);
  });

  it('a malformed stress file is refused by promote, naming the file and every path that is wrong', async () => {
    const f = written as Record<string, unknown> & { failures: Array<Record<string, unknown>> };
    const dir = tmp('sg-stress-schema-');
    const { summary: _summary, ...noSummary } = f;
    writeFileSync(
      join(dir, 'stress.json'),
      JSON.stringify({
        ...noSummary,
        failures: [{ ...f.failures[0], tactics: ['teleport'], transcript: {} }],
      }),
    );
    const r = await runCli(['promote', '--failures', join(dir, 'stress.json'), '--suite', join(dir, 's')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/stress\.json: summary: Invalid input: expected object, received undefined/);
    expect(r.stderr).toMatch(/stress\.json: failures\[0\]\.tactics\[0\]: Invalid option/);
    expect(r.stderr).toMatch(/stress\.json: failures\[0\]\.transcript: Invalid input: expected array/);
  });
});
