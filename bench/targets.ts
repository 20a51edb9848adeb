import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'node:http';
import { createInterface } from 'node:readline';
import { CaseSchema, type LoadedCase } from '../src/case/schema.js';
import { loadRules } from '../src/rule/registry.js';
import { builtinPath } from '../src/util/paths.js';
import { runSuite } from '../src/runner/suite.js';
import { createTarget } from '../src/target/resolve.js';
import { TargetSchema } from '../src/target/schema.js';
import { closeConnections } from '../src/target/transport.js';

const LATENCY_MS = 20;
const CONCURRENCY = 16;
const CALLS = 1800;
const ROUNDS = 3;

/** A typical request of the 3-turn suite (its third call), so body size and server work match. */
const BODY = JSON.stringify({
  model: 'bench',
  messages: [
    { role: 'user', content: 'Hello 1' },
    { role: 'assistant', content: 'Sure: Hello 1' },
    { role: 'user', content: 'Tell me more' },
    { role: 'assistant', content: 'Sure: Tell me more' },
    { role: 'user', content: 'Thanks' },
  ],
});

/** `calls` requests from CONCURRENCY workers, each waiting for its answer before the next: the client alone. */
async function workers(calls: number, one: () => Promise<unknown>): Promise<void> {
  const per = Math.ceil(calls / CONCURRENCY);
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = 0; i < per; i++) await one();
    }),
  );
}

function bareFetch(url: string) {
  return () =>
    workers(CALLS, async () =>
      JSON.parse(
        await (
          await fetch(url, { method: 'POST', body: BODY, headers: { 'content-type': 'application/json' } })
        ).text(),
      ),
    );
}

function bareHttp(url: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const post = () =>
    new Promise<unknown>((resolve, reject) => {
      const req = http.request(
        url,
        { method: 'POST', agent, headers: { 'content-type': 'application/json' } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(BODY);
    });
  return () => workers(CALLS, post);
}

function suite(turns: number): LoadedCase[] {
  const user = ['Hello', 'Tell me more', 'Thanks'];
  return Array.from({ length: CALLS / turns }, (_, i) => ({
    file: 'bench',
    case: CaseSchema.parse({
      id: `b-${i}`,
      title: `${turns} turn(s)`,
      category: 'over_refusal',
      severity: 'low',
      turns: Array.from({ length: turns }, (_, t) => ({ user: `${user[t]} ${i}` })),
      expect: [{ rule: 'must-not-refuse' }],
    }),
  }));
}

/**
 * promptfoo on the same workload (1,800 single-turn tests, -j 16, no cache), when at hand: PROMPTFOO_BIN is its
 * executable and PROMPTFOO_NODE a node it runs on (it needs node >= 22; docs/performance.md says how to get both
 * without installing anything into the project). Wall time of the whole `promptfoo eval`.
 */
async function promptfooRun(url: string): Promise<(() => Promise<void>) | undefined> {
  const bin = process.env.PROMPTFOO_BIN;
  if (!bin) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'sg-bench-pf-'));
  const config = join(dir, 'promptfooconfig.yaml');
  // JSON is YAML: the 1,800 tests written inline.
  writeFileSync(
    config,
    JSON.stringify({
      prompts: ['{{q}}'],
      providers: [{ id: 'openai:chat:bench', config: { apiBaseUrl: `${url}/v1`, apiKey: 'sk-bench' } }],
      tests: Array.from({ length: CALLS }, (_, i) => ({ vars: { q: `Hello ${i}` } })),
    }),
  );
  const env = {
    ...process.env,
    PROMPTFOO_CONFIG_DIR: join(dir, '.promptfoo'),
    PROMPTFOO_DISABLE_TELEMETRY: '1',
    PROMPTFOO_DISABLE_UPDATE: '1',
    PROMPTFOO_DISABLE_SHARING: '1',
  };
  const node = process.env.PROMPTFOO_NODE;
  const argv = [
    'eval',
    '-c',
    config,
    '-j',
    String(CONCURRENCY),
    '--no-cache',
    '--no-write',
    '--no-table',
    '--no-progress-bar',
    '-o',
    join(dir, 'out.json'),
  ];
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return () =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(node ?? bin, node ? [bin, ...argv] : argv, { env, stdio: 'ignore' });
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0 || code === 100 ? resolve() : reject(new Error(`promptfoo exited ${code}`)),
      );
    });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The runner against a real HTTP agent, side by side with bare clients making the same number of calls to the same
 * server at the same concurrency (the floor a client can reach on this machine), rounds interleaved so load
 * drifts hit every client alike. The fake server runs in its own process, as a real endpoint would.
 */
export async function benchTargets(): Promise<void> {
  const server = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/fake-llm-server.ts', String(LATENCY_MS)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve) =>
    createInterface({ input: server.stdout }).once('line', resolve),
  );
  try {
    const rules = await loadRules([builtinPath('core.yml')]);
    const target = createTarget(
      TargetSchema.parse({ type: 'openai', model: 'bench', baseUrl: `${url}/v1`, timeoutMs: 10_000 }),
      'bench',
      { env: { OPENAI_API_KEY: 'sk-bench-000000000000' } },
    );
    const endpoint = `${url}/v1/chat/completions`;
    const runner = (turns: number) => {
      const cases = suite(turns);
      return async () => {
        const r = await runSuite(cases, target, rules, {
          samples: 1,
          concurrency: CONCURRENCY,
          seed: 'bench',
          maxSteps: 4,
        });
        const errors = r.cases.flatMap((c) => c.samples).filter((s) => s.error).length;
        if (errors) throw new Error(`${errors} error samples in the bench run`);
      };
    };
    const clients: Array<[string, () => Promise<unknown>]> = [
      ['bare fetch()', bareFetch(endpoint)],
      ['bare node:http keep-alive', bareHttp(endpoint)],
      ['safety-gate run, 1-turn cases', runner(1)],
      ['safety-gate run, 3-turn cases', runner(3)],
    ];
    const pf = await promptfooRun(url);
    if (pf) clients.push(['promptfoo eval -j 16, 1-turn', pf]);
    // Warm up (JIT, connections), as a long CI run is after its first seconds.
    for (const [, f] of clients) await f();
    const walls = new Map<string, number[]>(clients.map(([name]) => [name, []]));
    for (let round = 0; round < ROUNDS; round++)
      for (const [name, f] of clients) {
        const t0 = performance.now();
        await f();
        walls.get(name)!.push(performance.now() - t0);
      }
    const ideal = (CALLS * LATENCY_MS) / CONCURRENCY;
    const fetchFloor = median(walls.get('bare fetch()')!);
    const httpFloor = median(walls.get('bare node:http keep-alive')!);
    console.log(
      `http  ${CALLS} calls at ${LATENCY_MS} ms, concurrency ${CONCURRENCY}, median of ${ROUNDS} interleaved rounds; ideal ${(ideal / 1000).toFixed(2)} s`,
    );
    const ours = median(walls.get('safety-gate run, 1-turn cases')!);
    for (const [name] of clients) {
      const w = median(walls.get(name)!);
      if (name.startsWith('promptfoo')) {
        console.log(
          `http    ${name.padEnd(30)} ${(w / 1000).toFixed(2)} s  x ideal ${(w / ideal).toFixed(3)}  safety-gate is ${(w / ours).toFixed(1)}x its speed`,
        );
        continue;
      }
      console.log(
        `http    ${name.padEnd(30)} ${(w / 1000).toFixed(2)} s  x ideal ${(w / ideal).toFixed(3)}  x fetch floor ${(w / fetchFloor).toFixed(3)}  x node:http floor ${(w / httpFloor).toFixed(3)}`,
      );
    }
  } finally {
    closeConnections();
    server.kill('SIGTERM');
  }
}
