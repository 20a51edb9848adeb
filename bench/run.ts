import { loadProject } from '../src/app/project.js';
import { runSuite } from '../src/runner/suite.js';
import { SimAgent } from '../src/target/sim/agent.js';
import type { LoadedCase } from '../src/case/schema.js';

/** Trajectories graded per second on the simulated agent: the runner and rules engine's own overhead. */
export async function benchRun(): Promise<void> {
  const project = await loadProject({});
  const cases: LoadedCase[] = Array.from({ length: 2000 }, (_, i) => {
    const base = project.cases[i % project.cases.length];
    return { ...base, case: { ...base.case, id: `${base.case.id}#${i}` } };
  });
  const samples = 5;
  for (const profile of ['v1', 'v2']) {
    const t0 = performance.now();
    const res = await runSuite(cases, SimAgent.create(profile), project.rules, {
      samples,
      concurrency: 16,
      seed: 'bench',
      maxSteps: 8,
    });
    const s = (performance.now() - t0) / 1000;
    const n = cases.length * samples;
    const calls = res.cases.reduce((a, c) => a + c.samples.reduce((b, x) => b + (x.calls ?? 0), 0), 0);
    console.log(
      `run   sim:${profile}: ${cases.length} cases x ${samples} samples = ${n} trajectories (${calls} agent calls) in ${s.toFixed(2)} s -> ${Math.round(n / s)} trajectories graded/s (aim >= 5000)`,
    );
  }
}
