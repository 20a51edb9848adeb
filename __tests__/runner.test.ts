import { runSample } from '../src/runner/sample.js';
import { runSuite } from '../src/runner/suite.js';
import { loadRules } from '../src/rule/registry.js';
import { builtinPath } from '../src/util/paths.js';
import type { AgentRequest, Target } from '../src/target/types.js';
import type { AgentResponse } from '../src/trajectory/types.js';
import { makeCase } from './helpers/cases.js';

/** A scripted agent: answers from a list, records what it was sent. */
function scripted(replies: Array<AgentResponse | (() => unknown)>): Target & { requests: AgentRequest[] } {
  const requests: AgentRequest[] = [];
  let i = 0;
  return {
    name: 'scripted',
    fingerprint: 'sha256:test',
    simulated: true,
    requests,
    async respond(req) {
      requests.push(structuredClone(req));
      const r = replies[Math.min(i++, replies.length - 1)];
      return (typeof r === 'function' ? r() : r) as AgentResponse;
    },
  };
}
const tc = (name: string, args: object) => ({
  content: null,
  tool_calls: [
    { id: `id-${name}`, type: 'function' as const, function: { name, arguments: JSON.stringify(args) } },
  ],
});

describe('runSample', () => {
  let rules: Awaited<ReturnType<typeof loadRules>>;
  beforeAll(async () => {
    rules = await loadRules([builtinPath('core.yml')]);
  });
  const opts = { seed: 's', maxSteps: 4 };

  it('answers tool calls from fixtures (by argument first) and passes a safe trajectory', async () => {
    const c = makeCase({
      tools: [
        { name: 'lookup', result: 'fallback', results: [{ when: { id: '^A-' }, result: { found: true } }] },
      ],
      turns: [{ user: 'look up A-1' }, { user: 'and B-2' }],
      expect: [{ rule: 'no-external-email' }],
    });
    const agent = scripted([
      tc('lookup', { id: 'A-1' }),
      { content: 'found it' },
      tc('lookup', { id: 'B-2' }),
      { content: 'ok' },
    ]);
    const r = await runSample(c, 0, agent, rules, opts);
    expect(r).toMatchObject({ passed: true, firstFailureTurn: null, turns: 2, error: null, calls: 4 });
    const toolMsgs = r
      .transcript!.filter((m) => m.role === 'tool')
      .map((m) => (m as unknown as { content: string }).content);
    expect(toolMsgs).toEqual(['{"found":true}', 'fallback']);
    // The agent sees the tool definitions and the whole conversation so far.
    expect(agent.requests[1].messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool']);
    expect(agent.requests[0].tools[0].name).toBe('lookup');
  });

  it('fails at the first violated turn and stops the conversation there', async () => {
    const c = makeCase({
      turns: [{ user: 'a' }, { user: 'b' }, { user: 'c' }, { user: 'd' }],
      expect: [{ rule: 'must-refuse', fromTurn: 2 }],
    });
    const agent = scripted([
      { content: 'sure' },
      { content: "I can't." },
      { content: 'Sure, here it is' },
      { content: 'never asked' },
    ]);
    const r = await runSample(c, 0, agent, rules, opts);
    expect(r).toMatchObject({ passed: false, firstFailureTurn: 3, turns: 3, error: null });
    expect(r.violations).toEqual([
      { rule: 'must-refuse', turn: 3, evidence: expect.stringMatching(/complied/) },
    ]);
    expect(agent.requests).toHaveLength(3);
  });

  it.each([
    [
      'a thrown error',
      () => {
        throw new Error('connection reset');
      },
      /connection reset/,
    ],
    ['a malformed response', () => ({ content: 42 }), /malformed agent response/],
    ['an empty response', () => ({ content: null }), /neither content nor tool calls/],
    ['a bad tool call', () => ({ content: null, tool_calls: [{ id: 1 }] }), /each tool call needs/],
  ])('turns %s into an error sample, never a pass', async (_label, reply, message) => {
    const c = makeCase({ expect: [{ rule: 'no-external-email' }] });
    const r = await runSample(c, 0, scripted([reply]), rules, opts);
    expect(r.passed).toBe(false);
    expect(r.error).toMatch(message);
    expect(r.firstFailureTurn).toBeNull();
  });

  it('an agent that never stops calling tools is an error after maxSteps', async () => {
    const c = makeCase({
      tools: [{ name: 'loop', result: 'again' }],
      expect: [{ rule: 'no-external-email' }],
    });
    const r = await runSample(c, 0, scripted([tc('loop', {})]), rules, opts);
    expect(r.error).toMatch(/made 4 calls in turn 1 without a final answer/);
    expect(r.passed).toBe(false);
  });

  it('a tool the case does not define gets an error result the agent can read', async () => {
    const c = makeCase({ expect: [{ rule: 'no-external-email' }] });
    const r = await runSample(c, 0, scripted([tc('nope', {}), { content: 'ok' }]), rules, opts);
    expect(r.passed).toBe(true);
    expect(r.transcript!.find((m) => m.role === 'tool')).toMatchObject({
      content: 'error: unknown tool "nope"',
    });
  });
});

describe('runSuite', () => {
  it('keeps suite order, runs every sample, and respects the concurrency limit', async () => {
    const rules = await loadRules([builtinPath('core.yml')]);
    let inFlight = 0;
    let peak = 0;
    const target: Target = {
      name: 't',
      fingerprint: 'f',
      simulated: true,
      async respond() {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 2));
        inFlight--;
        return { content: "I can't" };
      },
    };
    const cases = Array.from({ length: 10 }, (_, i) => ({ case: makeCase({ id: `c-${i}` }), file: 'x.yml' }));
    const seen: Array<{ done: number; casesDone: number }> = [];
    const res = await runSuite(cases, target, rules, {
      samples: 3,
      concurrency: 4,
      seed: 's',
      maxSteps: 3,
      onProgress: (p) => seen.push({ done: p.done, casesDone: p.casesDone }),
    });
    expect(seen.at(-1)).toEqual({ done: 30, casesDone: 10 });
    expect(seen.map((p) => p.done)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(res.cases.map((c) => c.id)).toEqual(cases.map((c) => c.case.id));
    expect(res.cases.every((c) => c.samples.length === 3 && c.samples.every((s) => s.passed))).toBe(true);
    expect(peak).toBe(4);
    expect(res).toMatchObject({
      kind: 'safety-gate.results',
      schemaVersion: 1,
      target: { name: 't', fingerprint: 'f' },
    });
  });
});

describe('rate limit', () => {
  it('spaces calls to stay under the requests-per-minute budget across workers', async () => {
    const { RateLimiter } = await import('../src/target/resilience.js');
    const limiter = new RateLimiter(1200); // one call every 50 ms
    const t0 = Date.now();
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 5 }, async () => {
        await limiter.acquire();
        times.push(Date.now() - t0);
      }),
    );
    times.sort((a, b) => a - b);
    // The k-th call is never let through before its slot (k x 50 ms). Only lower bounds: a loaded machine fires
    // timers late, never early, so gaps between late and on-time calls can shrink while the budget still holds.
    times.forEach((t, k) => expect(t).toBeGreaterThanOrEqual(k * 50 - 5));
  });
});

describe('checkpoint identity', () => {
  it('a checkpoint written under other rules is not resumed: a changed rule grades every sample again', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'sg-ckpt-'));
    const pack = (pattern: string) => {
      const f = join(dir, `rules-${pattern}.yml`);
      writeFileSync(
        f,
        `rules:\n  - { id: no-word, kind: text, taxonomy: jailbreak, severity: high, description: d, pattern: ${pattern} }\n`,
      );
      return f;
    };
    const cases = [{ case: makeCase({ expect: [{ rule: 'no-word' }] }), file: 'x.yml', line: 1 }];
    const checkpoint = join(dir, 'run.checkpoint.jsonl');
    const opts = { samples: 2, concurrency: 1, seed: 's', maxSteps: 2, checkpoint };
    const reply = { content: 'the password is swordfish' };
    // The first run's rule does not see the reply: both samples pass and are checkpointed (the file is kept).
    const first = await runSuite(cases, scripted([reply]), await loadRules([pack('zebra')]), opts);
    expect(first.cases[0].samples.map((s) => s.passed)).toEqual([true, true]);
    // The same checkpoint under a rule that does: without rules in its identity, the stale passes came back.
    const agent = scripted([reply]);
    const second = await runSuite(cases, agent, await loadRules([pack('swordfish')]), opts);
    expect(second.cases[0].samples.map((s) => s.passed)).toEqual([false, false]);
    expect(agent.requests.length).toBeGreaterThan(0);
  });
});
