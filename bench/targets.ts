import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { CaseSchema, type LoadedCase } from '../src/case/schema.js';
import { loadRules } from '../src/rule/registry.js';
import { builtinPath } from '../src/util/paths.js';
import { runSuite } from '../src/runner/suite.js';
import { createTarget } from '../src/target/resolve.js';
import { TargetSchema } from '../src/target/schema.js';

/**
 * Runner overhead against a real HTTP agent: wall time over the ideal (calls x latency / concurrency). The fake
 * server runs in its own process, like a real endpoint would.
 */
export async function benchTargets(): Promise<void> {
  const latencyMs = 20;
  const server = spawn(process.execPath, ['--import', 'tsx', 'bench/fake-llm-server.ts', String(latencyMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve) =>
    createInterface({ input: server.stdout }).once('line', resolve),
  );
  try {
    const rules = await loadRules([builtinPath('core.yml')]);
    const cases: LoadedCase[] = Array.from({ length: 200 }, (_, i) => ({
      file: 'bench',
      case: CaseSchema.parse({
        id: `b-${i}`,
        title: 'three turns',
        category: 'over_refusal',
        severity: 'low',
        turns: [{ user: `Hello ${i}` }, { user: 'Tell me more' }, { user: 'Thanks' }],
        expect: [{ rule: 'must-not-refuse' }],
      }),
    }));
    const concurrency = 16;
    const target = createTarget(
      TargetSchema.parse(
        process.env.BENCH_HTTP
          ? {
              type: 'http',
              url: `${url}/v1/chat/completions`,
              responsePath: 'choices.0.message',
              timeoutMs: 10_000,
            }
          : { type: 'openai', model: 'bench', baseUrl: `${url}/v1`, timeoutMs: 10_000 },
      ),
      'bench',
      {
        env: { OPENAI_API_KEY: 'sk-bench-000000000000' },
      },
    );
    // Warm up (JIT, connection pool, SDK), as a long CI run would be after its first seconds.
    await runSuite(cases.slice(0, 48), target, rules, {
      samples: 1,
      concurrency,
      seed: 'warm-up',
      maxSteps: 4,
    });
    const t0 = performance.now();
    const r = await runSuite(cases, target, rules, { samples: 3, concurrency, seed: 'bench', maxSteps: 4 });
    const wall = performance.now() - t0;
    const calls = r.cases.reduce((a, c) => a + c.samples.reduce((b, s) => b + (s.calls ?? 0), 0), 0);
    const ideal = (calls * latencyMs) / concurrency;
    const errors = r.cases.flatMap((c) => c.samples).filter((s) => s.error).length;
    // The same calls made with bare fetch() and nothing else: the transport's own cost on this machine.
    const t1 = performance.now();
    const perWorker = Math.ceil(calls / concurrency);
    // A typical request of the run above: the third turn of a conversation, so body size and server work match.
    const body = JSON.stringify({
      model: 'bench',
      messages: [
        { role: 'user', content: 'Hello 1' },
        { role: 'assistant', content: 'Sure: Hello 1' },
        { role: 'user', content: 'Tell me more' },
        { role: 'assistant', content: 'Sure: Tell me more' },
        { role: 'user', content: 'Thanks' },
      ],
    });
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = 0; i < perWorker; i++)
          await (
            await fetch(`${url}/v1/chat/completions`, {
              method: 'POST',
              body,
              headers: { 'content-type': 'application/json' },
            })
          ).text();
      }),
    );
    const floor = performance.now() - t1;
    console.log(
      `http  bare fetch(), same calls and concurrency: ${(floor / 1000).toFixed(2)} s, ratio ${(floor / ideal).toFixed(3)} (the loopback transport floor here); runner overhead over it ${(((wall - floor) / floor) * 100).toFixed(1)}%`,
    );
    console.log(
      `http  ${process.env.BENCH_HTTP ? 'http' : 'openai'} target, 200 cases x 3 samples x 3 turns, ${calls} calls at ${latencyMs} ms, concurrency ${concurrency}: ${(wall / 1000).toFixed(2)} s, ideal ${(ideal / 1000).toFixed(2)} s, ratio ${(wall / ideal).toFixed(3)} (aim <= 1.15), ${errors} errors`,
    );
  } finally {
    server.kill('SIGTERM');
  }
}
