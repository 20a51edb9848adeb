import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProject } from '../src/app/project.js';
import { loadIncident } from '../src/incident/load.js';
import { replayIncident } from '../src/incident/replay.js';
import { applyPolicy } from '../src/policy/load.js';
import { renderJunit } from '../src/report/junit.js';
import { renderSummary } from '../src/report/markdown.js';
import { renderReplaySummary } from '../src/report/replay-markdown.js';
import { runSuite } from '../src/runner/suite.js';
import { SimAgent } from '../src/target/sim/agent.js';
import { runGate } from '../src/verdict/gate.js';
import { worseGate } from './helpers/worse.js';

/**
 * Golden files: summary.md, junit.xml and replay.md rendered from fixed inputs (the simulated agents are
 * deterministic per seed; dates are fixed). A change to what a reviewer reads shows up as a diff of these files.
 * Regenerate after an intended change with `npm run golden:update` (UPDATE_GOLDEN=1), and review the diff.
 */
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const GOLDEN = join(here, 'golden');
const NOW = new Date('2026-01-02T03:04:05.000Z');

/** Paths of this checkout vary between machines: shown relative. */
const portable = (text: string) => text.split(root).join('<package>');

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  const text = portable(actual);
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, text);
    return;
  }
  if (!existsSync(file))
    throw new Error(`missing golden file __tests__/golden/${name}: run npm run golden:update`);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

describe('golden reports', () => {
  it("the README's gate (sim:v1 → sim:v2 on the starter suite, 5 samples): summary.md and junit.xml", async () => {
    const project = await loadProject({ cwd: root });
    const run = (profile: string) =>
      runSuite(project.cases, SimAgent.create(profile), project.rules, {
        samples: 5,
        concurrency: 4,
        seed: project.config.seed,
        maxSteps: project.config.maxSteps,
      });
    const g = runGate(await run('v1'), await run('v2'), {
      policy: applyPolicy(project.config.policy),
      now: NOW,
    });
    expect(g.verdict).toBe('BLOCK');
    golden(
      'readme-gate.summary.md',
      renderSummary(g, { reportUrl: 'https://github.com/OWNER/REPO/actions/runs/1' }),
    );
    golden('readme-gate.junit.xml', renderJunit(g));
  });

  it('a gate where 23 of 44 cases got worse: summary.md and junit.xml', () => {
    const g = worseGate();
    golden('worse.summary.md', renderSummary(g));
    golden('worse.junit.xml', renderJunit(g));
  });

  it('the example incident replayed against sim:v2 with the example traffic: replay.md', async () => {
    const project = await loadProject({ cwd: root, withSuite: false });
    const traffic = join(root, 'examples/traffic/support-2026-10.jsonl');
    const r = await replayIncident({
      incident: loadIncident(join(root, 'examples/incidents/inc-2026-0142.yml')),
      traffic: { path: traffic, label: 'examples/traffic/support-2026-10.jsonl' },
      rules: project.rules,
      delayedTurn: 3,
      target: SimAgent.create('v2'),
      samples: 5,
      concurrency: 4,
      seed: 'golden',
      maxSteps: project.config.maxSteps,
      maxCases: 3,
      casesFile: 'cases/incident-inc-2026-0142.yml',
      now: NOW,
    });
    golden(
      'replay.md',
      renderReplaySummary(r.file, { reportUrl: 'https://github.com/OWNER/REPO/actions/runs/1' }),
    );
  });
});
