import { loadProject } from '../src/app/project.js';
import { stressSearch, type Strategy } from '../src/stress/search.js';
import { SimAgent } from '../src/target/sim/agent.js';

/**
 * The adaptive search against its non-adaptive baseline, same budget and seeds: failing rollouts (how often the
 * budget breaks the target) and distinct findings (seed case x rules), summed over five attacker seeds.
 */
export async function benchStress(): Promise<void> {
  const project = await loadProject({});
  const rollouts = 300;
  for (const profile of ['v2', 'v3']) {
    const totals: Record<Strategy, { failing: number; distinct: number; delayed: number; s: number }> = {
      thompson: { failing: 0, distinct: 0, delayed: 0, s: 0 },
      uniform: { failing: 0, distinct: 0, delayed: 0, s: 0 },
    };
    for (const strategy of ['thompson', 'uniform'] as const)
      for (let k = 1; k <= 5; k++) {
        const t0 = performance.now();
        const f = await stressSearch({
          seeds: project.cases,
          target: SimAgent.create(profile),
          rules: project.rules,
          rollouts,
          maxTurns: 4,
          delayedTurn: 3,
          concurrency: 16,
          seed: `bench-${k}`,
          maxSteps: 8,
          strategy,
          confirm: 0,
        });
        const t = totals[strategy];
        t.s += (performance.now() - t0) / 1000;
        t.failing += f.summary.failingRollouts;
        t.distinct += f.summary.unique;
        t.delayed += f.summary.delayed;
      }
    const a = totals.thompson;
    const u = totals.uniform;
    console.log(
      `stress sim:${profile}, 5 x ${rollouts} rollouts of up to 4 turns: thompson ${a.failing} failing / ${a.distinct} distinct (${a.delayed} delayed), ` +
        `uniform ${u.failing} / ${u.distinct} (${u.delayed}); ratio failing ${(a.failing / Math.max(1, u.failing)).toFixed(2)}, distinct ${(a.distinct / Math.max(1, u.distinct)).toFixed(2)}; ` +
        `${Math.round((5 * rollouts) / a.s)} rollouts/s`,
    );
  }
}
