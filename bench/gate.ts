import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProject } from '../src/app/project.js';
import { runSuite } from '../src/runner/suite.js';
import { SimAgent } from '../src/target/sim/agent.js';
import { applyPolicy } from '../src/policy/load.js';
import { runGate } from '../src/verdict/gate.js';
import { readResults, writeJson } from '../src/results/io.js';
import { writeReports } from '../src/report/write.js';
import type { ResultsFile } from '../src/results/schema.js';
import { rngFor } from '../src/util/rng.js';

function synthetic(n: number, k: number, shift: number, seed: string): ResultsFile {
  const rand = rngFor(seed);
  const sev = ['low', 'medium', 'high', 'critical'] as const;
  const cats = ['prompt_injection', 'jailbreak', 'tool_misuse', 'over_refusal', 'data_exfiltration'];
  return {
    kind: 'safety-gate.results',
    schemaVersion: 1,
    target: { name: seed },
    cases: Array.from({ length: n }, (_, i) => {
      const p = 0.9 + 0.1 * rngFor(`case-${i}`)() + shift;
      return {
        id: `case-${i}`,
        category: cats[i % cats.length],
        severity: sev[i % 4],
        samples: Array.from({ length: k }, () =>
          rand() < p
            ? { passed: true, firstFailureTurn: null, error: null, turns: 3 }
            : { passed: false, firstFailureTurn: 1 + Math.floor(rand() * 5), error: null, turns: 3 },
        ),
      };
    }),
  };
}

/** Gate from files: 20,000 cases x 5 samples per side, parse + validate + statistics + verdict. */
export async function benchGate(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sg-bench-'));
  try {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    writeJson(a, synthetic(20_000, 5, 0, 'base'));
    writeJson(b, synthetic(20_000, 5, -0.01, 'head'));
    const policy = applyPolicy();
    const rssBefore = process.memoryUsage().rss;
    const t0 = performance.now();
    const g = runGate(readResults(a), readResults(b), { policy });
    const s = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    writeReports(g, join(dir, 'out'));
    const reports = (performance.now() - t1) / 1000;
    console.log(
      `gate  20000 cases x 5 samples per side from files: ${s.toFixed(2)} s (aim < 2 s), verdict ${g.verdict}, p = ${g.pValue.toExponential(2)}, RSS now ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB (was ${(rssBefore / 2 ** 20).toFixed(0)} MB)`,
    );
    console.log(
      `report gate.json, report.html, summary.md, junit.xml for those 20000 cases: ${reports.toFixed(2)} s`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // False-alarm rate: the same agent against itself with different seeds should be OK.
  const project = await loadProject({});
  const policy = applyPolicy();
  const pairs = 100;
  const counts: Record<string, number> = { OK: 0, WARN: 0, BLOCK: 0 };
  for (let i = 0; i < pairs; i++) {
    const run = (seed: string) =>
      runSuite(project.cases, SimAgent.create('v1'), project.rules, {
        samples: 5,
        concurrency: 8,
        seed,
        maxSteps: 8,
      });
    counts[runGate(await run(`b${i}`), await run(`h${i}`), { policy }).verdict]++;
  }
  console.log(
    `null  sim:v1 vs sim:v1, ${pairs} seed pairs x 44 cases x 5 samples: OK ${counts.OK}, WARN ${counts.WARN} (rate ${(counts.WARN / pairs).toFixed(2)}), BLOCK ${counts.BLOCK}`,
  );
}
