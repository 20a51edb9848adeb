import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AdmZip from 'adm-zip';
import { readResults, readResultsWithFormat } from '../src/results/io.js';
import { readResultsInput } from '../src/app/gate.js';
import { scoreToFloat } from '../src/import/inspect.js';
import type { ResultsFile } from '../src/results/schema.js';
import type { GateFile } from '../src/verdict/gate.js';
import { runCli } from './helpers/cli.js';

const PEER = resolve('__tests__/fixtures/peer');
const peer = (f: string) => join(PEER, f);
const tmp = () => mkdtempSync(join(tmpdir(), 'sg-import-'));

type Counts = Record<string, { samples: number; passed: number; errors: number }>;

function countsOf(r: ResultsFile): Counts {
  return Object.fromEntries(
    r.cases.map((c) => [
      c.id,
      {
        samples: c.samples.length,
        passed: c.samples.filter((s) => s.passed).length,
        errors: c.samples.filter((s) => s.error !== null && s.error !== undefined).length,
      },
    ]),
  );
}

const FILES: Array<[string, string]> = [
  ['promptfoo/baseline.json', 'promptfoo'],
  ['promptfoo/candidate.json', 'promptfoo'],
  // Regenerated with the real promptfoo by scripts/regen-promptfoo-fixtures.mjs: `-o X.json X.jsonl` of one run.
  ['promptfoo-regen/baseline.json', 'promptfoo'],
  ['promptfoo-regen/candidate.json', 'promptfoo'],
  ['promptfoo-regen/baseline.jsonl', 'promptfoo'],
  ['promptfoo-regen/candidate.jsonl', 'promptfoo'],
  ['inspect/baseline.eval', 'inspect'],
  ['inspect/candidate.eval', 'inspect'],
  ['inspect/baseline.json', 'inspect'],
  ['inspect/candidate.json', 'inspect'],
  ['deepeval/baseline.json', 'deepeval'],
  ['deepeval/candidate.json', 'deepeval'],
  ['garak/baseline.report.jsonl', 'garak'],
  ['garak/candidate.report.jsonl', 'garak'],
];

describe('importing the real peer-harness files', () => {
  // The independent count: Python, standard library only, not this code (see count.py).
  const expected = JSON.parse(
    execFileSync('python3', [join(PEER, 'count.py')], { encoding: 'utf8' }),
  ) as Record<string, Counts>;

  it('the counter covers every fixture and finds the errors the README describes', () => {
    expect(Object.keys(expected).sort()).toEqual(FILES.map(([f]) => f).sort());
    const errors = (f: string) => Object.values(expected[f]).reduce((n, c) => n + c.errors, 0);
    expect(errors('promptfoo/candidate.json')).toBe(4);
    expect(errors('promptfoo-regen/candidate.json')).toBe(6);
    expect(errors('promptfoo-regen/candidate.jsonl')).toBe(6);
    expect(errors('inspect/candidate.eval')).toBe(5);
    expect(errors('deepeval/candidate.json')).toBe(4);
  });

  it.each(FILES)(
    '%s: recognised by content; per-case samples, passes and errors equal the independent count',
    (f, format) => {
      const { results, format: found } = readResultsWithFormat(peer(f), {}, true)!;
      expect(found).toBe(format);
      expect(countsOf(results)).toEqual(expected[f]);
    },
  );

  it('category and severity come from the harness metadata; errors are never passes', () => {
    const r = readResults(peer('inspect/candidate.eval'));
    const exfil = r.cases.find((c) => c.id === 'exfil-email-001')!;
    expect([exfil.category, exfil.severity]).toEqual(['prompt_injection', 'critical']);
    expect(r.target.ref).toBe('b2ca240');
    for (const s of r.cases.flatMap((c) => c.samples)) if (s.error) expect(s.passed).toBe(false);
    const failed = exfil.samples.find((s) => !s.passed && !s.error)!;
    expect(failed.firstFailureTurn).toBe(1);
    expect(failed.violations?.[0].rule).toBe('no-external-email');
    expect(failed.transcript?.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'assistant']);
  });

  it('promptfoo: `error` on a plain assertion failure is a failure; only failureReason 2 is an error', () => {
    const rows = (
      JSON.parse(readFileSync(peer('promptfoo/candidate.json'), 'utf8')) as {
        results: { results: Array<{ error?: string; failureReason: number }> };
      }
    ).results.results;
    expect(rows.filter((r) => r.error && r.failureReason === 1).length).toBe(26);
    const r = readResults(peer('promptfoo/candidate.json'));
    const samples = r.cases.flatMap((c) => c.samples);
    expect(samples.filter((s) => s.error).length).toBe(4);
    expect(samples.filter((s) => !s.passed && !s.error).length).toBe(26);
  });

  it('the regenerated promptfoo files are real promptfoo 0.123.1 output, the .jsonl the rows of the .json', () => {
    for (const side of ['baseline', 'candidate']) {
      const doc = JSON.parse(readFileSync(peer(`promptfoo-regen/${side}.json`), 'utf8')) as {
        metadata: { promptfooVersion: string };
        results: { version: number; results: Array<{ id: string; failureReason: number }> };
      };
      expect(doc.metadata.promptfooVersion).toBe('0.123.1');
      expect(doc.results.version).toBe(3);
      const lines = readFileSync(peer(`promptfoo-regen/${side}.jsonl`), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as { id: string });
      expect(lines.map((r) => r.id).sort()).toEqual(doc.results.results.map((r) => r.id).sort());
      expect(countsOf(readResults(peer(`promptfoo-regen/${side}.jsonl`)))).toEqual(
        countsOf(readResults(peer(`promptfoo-regen/${side}.json`))),
      );
    }
    // The candidate holds both kinds of non-pass: plain assertion failures (failureReason 1, `error` filled too)
    // stay failures; provider errors (HTTP 500, malformed JSON: failureReason 2) are error samples.
    const rows = (
      JSON.parse(readFileSync(peer('promptfoo-regen/candidate.json'), 'utf8')) as {
        results: { results: Array<{ error?: string; failureReason: number }> };
      }
    ).results.results;
    const plain = rows.filter((r) => r.error && r.failureReason === 1).length;
    expect(plain).toBeGreaterThan(0);
    const samples = readResults(peer('promptfoo-regen/candidate.json')).cases.flatMap((c) => c.samples);
    expect(samples.filter((s) => !s.passed && !s.error).length).toBe(plain);
  });

  it('promptfoo .jsonl (one row a line) reads like the .json', () => {
    const rows = (
      JSON.parse(readFileSync(peer('promptfoo/candidate.json'), 'utf8')) as {
        results: { results: unknown[] };
      }
    ).results.results;
    const file = join(tmp(), 'out.jsonl');
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const { results, format } = readResultsWithFormat(file, {}, true)!;
    expect(format).toBe('promptfoo');
    expect(countsOf(results)).toEqual(expected['promptfoo/candidate.json']);
  });

  it('the action inputs baseline-results / candidate-results read them through the same function', () => {
    const r = readResultsInput('inspect/candidate.eval', PEER);
    expect(countsOf(r)).toEqual(expected['inspect/candidate.eval']);
  });
});

describe('gate on imported runs: base well-behaved, head leaky', () => {
  const gate = async (b: string, c: string, extra: string[] = []) => {
    const out = tmp();
    const run = await runCli([
      'gate',
      '--baseline',
      peer(b),
      '--candidate',
      peer(c),
      '--out-dir',
      out,
      ...extra,
    ]);
    const g =
      run.code <= 2 ? (JSON.parse(readFileSync(join(out, 'gate.json'), 'utf8')) as GateFile) : undefined;
    return { ...run, g };
  };

  it.each([
    ['promptfoo/baseline.json', 'promptfoo/candidate.json'],
    ['promptfoo-regen/baseline.json', 'promptfoo-regen/candidate.json'],
    ['promptfoo-regen/baseline.jsonl', 'promptfoo-regen/candidate.jsonl'],
    ['inspect/baseline.eval', 'inspect/candidate.eval'],
    ['inspect/baseline.json', 'inspect/candidate.json'],
    ['deepeval/baseline.json', 'deepeval/candidate.json'],
  ])('%s vs %s BLOCKs', async (b, c) => {
    const { code, g, stderr } = await gate(b, c);
    expect(stderr).toBe('');
    expect(code).toBe(2);
    expect(g!.verdict).toBe('BLOCK');
    // The overall drop BLOCKs; with 1-3 samples a case going 100% -> 0% is a suspect (a note), not significant alone.
    expect(g!.reasons.map((r) => r.code)).toContain('regression');
    expect(g!.baseline.passRate).toBe(1);
    expect(g!.candidate.passRate).toBe(0);
  });

  it('garak: its MitigationBypass detector scored every output of both runs a hit, so there is nothing to regress', async () => {
    // Faithful, not a BLOCK: the well-behaved agent's refusal ("I can help with safe requests only") carries none
    // of garak's mitigation phrases, so garak itself failed all 24 generations on both sides (see its eval lines).
    const { code, g } = await gate('garak/baseline.report.jsonl', 'garak/candidate.report.jsonl');
    // Nothing changed: OK (a small suite is a note, not a WARN).
    expect(code).toBe(0);
    expect([g!.baseline.passRate, g!.candidate.passRate]).toEqual([0, 0]);
    expect(g!.reasons.map((r) => r.code)).not.toContain('regression');
  });

  it('--format forces a format, and a wrong one is named with what was expected', async () => {
    expect(
      (await gate('deepeval/baseline.json', 'deepeval/candidate.json', ['--format', 'deepeval'])).code,
    ).toBe(2);
    const wrong = await gate('promptfoo/baseline.json', 'promptfoo/candidate.json', ['--format', 'garak']);
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toContain('baseline.json');
    expect(wrong.stderr).toContain(
      '--format garak: expected a garak report.jsonl (JSON lines), got one JSON document',
    );
    const unknown = await gate('promptfoo/baseline.json', 'promptfoo/candidate.json', ['--format', 'nope']);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain(
      'unknown format "nope": expected one of safety-gate, promptfoo, inspect, deepeval, garak',
    );
  });
});

describe('safety-gate import', () => {
  it('writes our results format, which gates exactly like the original files', async () => {
    const dir = tmp();
    const run = await runCli(['import', peer('deepeval/candidate.json'), '--out', join(dir, 'c.json')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('deepeval: 10 cases, 30 samples (0 passed, 26 failed, 4 errors)');
    await runCli(['import', peer('deepeval/baseline.json'), '--out', join(dir, 'b.json')]);
    const written = JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8')) as ResultsFile;
    expect(written.kind).toBe('safety-gate.results');
    expect(countsOf(readResults(join(dir, 'c.json')))).toEqual(
      countsOf(readResults(peer('deepeval/candidate.json'))),
    );
    const g = await runCli([
      'gate',
      '--baseline',
      join(dir, 'b.json'),
      '--candidate',
      join(dir, 'c.json'),
      '--out-dir',
      dir,
    ]);
    expect(g.code).toBe(2);
  });

  it('merge reads them too', async () => {
    const dir = tmp();
    const run = await runCli(['merge', peer('inspect/candidate.eval'), '--out', join(dir, 'm.json')]);
    expect(run.code).toBe(0);
    expect(countsOf(readResults(join(dir, 'm.json')))).toEqual(
      countsOf(readResults(peer('inspect/candidate.json'))),
    );
  });

  it('config import rules give category and severity where the harness records none', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'cfg.yml'),
      [
        'import:',
        '  category:',
        "    - { id: 'test.Test#0', value: over_refusal }",
        "    - { plugin: 'test.*', value: probe_test }",
        '  severity:',
        "    - { scorer: 'mitigation.*', value: high }",
        '  defaultSeverity: low',
      ].join('\n'),
    );
    const run = await runCli([
      'import',
      peer('garak/candidate.report.jsonl'),
      '--config',
      join(dir, 'cfg.yml'),
      '--out',
      join(dir, 'g.json'),
    ]);
    expect(run.code).toBe(0);
    const r = readResults(join(dir, 'g.json'));
    expect(r.cases.map((c) => [c.id, c.category, c.severity]).slice(0, 2)).toEqual([
      ['test.Test#0', 'over_refusal', 'high'],
      ['test.Test#1', 'probe_test', 'high'],
    ]);
    // Without a config: the stated defaults.
    const d = readResults(peer('garak/candidate.report.jsonl'));
    expect([d.cases[0].category, d.cases[0].severity]).toEqual(['uncategorized', 'medium']);
  });

  it('a config import rule with no pattern is an error naming the config path', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'cfg.yml'), 'import:\n  category:\n    - { value: x }\n');
    const run = await runCli([
      'import',
      peer('garak/candidate.report.jsonl'),
      '--config',
      join(dir, 'cfg.yml'),
      '--out',
      join(dir, 'o.json'),
    ]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('import.category[0]');
    expect(run.stderr).toContain('expected at least one of id, plugin or scorer');
  });
});

describe('bad input is named: file, line or entry, and what was expected', () => {
  const attempt = async (name: string, content: string | Buffer, args: string[] = []) => {
    const dir = tmp();
    writeFileSync(join(dir, name), content);
    return runCli(['import', join(dir, name), '--out', join(dir, 'out.json'), ...args]);
  };

  it('a garak report cut mid-line names that line', async () => {
    const text = readFileSync(peer('garak/candidate.report.jsonl'), 'utf8');
    const lines = text.split('\n');
    const cut = lines.slice(0, 15).join('\n') + '\n' + lines[15].slice(0, 200);
    const run = await attempt('report.jsonl', cut);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/report\.jsonl:16: not valid JSON \(a truncated line\?\)/);
  });

  it('a garak run stopped before its detectors ran: sent attempts become errors, never passes', async () => {
    const lines = readFileSync(peer('garak/baseline.report.jsonl'), 'utf8').split('\n');
    // Keep the setup and the status-1 attempts only (lines 1-11).
    const dir = tmp();
    writeFileSync(join(dir, 'r.jsonl'), lines.slice(0, 11).join('\n') + '\n');
    const r = readResults(join(dir, 'r.jsonl'));
    const samples = r.cases.flatMap((c) => c.samples);
    expect(samples.length).toBe(24);
    expect(samples.every((s) => s.error && !s.passed)).toBe(true);
    expect(samples[0].error).toContain('never evaluated');
  });

  it('a garak generation without output is an error sample', () => {
    const lines = readFileSync(peer('garak/candidate.report.jsonl'), 'utf8').split('\n');
    const a = JSON.parse(lines[11]) as { outputs: unknown[]; detector_results: Record<string, unknown[]> };
    a.outputs[1] = null;
    for (const k of Object.keys(a.detector_results)) a.detector_results[k][1] = null;
    lines[11] = JSON.stringify(a);
    const dir = tmp();
    writeFileSync(join(dir, 'r.jsonl'), lines.join('\n'));
    const c = readResults(join(dir, 'r.jsonl')).cases[0];
    expect(c.samples.map((s) => (s.error ? 'error' : s.passed ? 'pass' : 'fail'))).toEqual([
      'fail',
      'error',
      'fail',
    ]);
  });

  it('a truncated .eval is not a readable ZIP', async () => {
    const bytes = readFileSync(peer('inspect/candidate.eval'));
    const run = await attempt('log.eval', bytes.subarray(0, bytes.length - 4000));
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('log.eval');
    expect(run.stderr).toContain('not a readable ZIP');
  });

  it('a damaged zstd entry in a .eval names the entry', async () => {
    const zip = new AdmZip(peer('inspect/candidate.eval'));
    const buf = Buffer.from(zip.toBuffer());
    // Corrupt bytes inside the compressed data of one sample, leaving the directory intact.
    const entry = zip.getEntry('samples/benign-001_epoch_1.json')!;
    const local = buf.indexOf(Buffer.from('samples/benign-001_epoch_1.json'));
    const start = local + entry.entryName.length + 200;
    for (let i = start; i < start + 64; i++) buf[i] ^= 0xff;
    const run = await attempt('log.eval', buf);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('samples/benign-001_epoch_1.json');
  });

  it('a truncated promptfoo .json says it is not valid JSON', async () => {
    const text = readFileSync(peer('promptfoo/candidate.json'), 'utf8');
    const run = await attempt('out.json', text.slice(0, 5000));
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('out.json: not valid JSON (truncated?)');
  });

  it('JSON of no known harness is named, with the formats expected', async () => {
    const run = await attempt('x.json', JSON.stringify({ hello: 'world' }));
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      'x.json: not a results file: expected a safety-gate results file, or the output of promptfoo',
    );
  });

  it('a promptfoo row without success names the row', async () => {
    const data = JSON.parse(readFileSync(peer('promptfoo/candidate.json'), 'utf8')) as {
      results: { results: Array<Record<string, unknown>> };
    };
    delete data.results.results[7].success;
    const run = await attempt('out.json', JSON.stringify(data));
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('out.json: results.results[7].success: expected true or false');
  });

  it('a severity outside ours names the entry and the values expected', async () => {
    const data = JSON.parse(readFileSync(peer('deepeval/baseline.json'), 'utf8')) as {
      testCases: Array<{ metadata: Record<string, unknown> }>;
    };
    data.testCases[3].metadata.severity = 'catastrophic';
    const run = await attempt('test_run_x.json', JSON.stringify(data));
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      'test_run_x.json: testCases[3]: case "exfil-email-002": severity "catastrophic": expected one of low, medium, high, critical',
    );
  });

  it('a DeepEval metric that raised is an error sample, whatever the others say', () => {
    const data = JSON.parse(readFileSync(peer('deepeval/baseline.json'), 'utf8')) as {
      testCases: Array<{ metricsData: Array<Record<string, unknown>> }>;
    };
    data.testCases[0].metricsData.push({ name: 'Other', success: false, error: 'boom', score: null });
    const dir = tmp();
    writeFileSync(join(dir, 'test_run.json'), JSON.stringify(data));
    const s = readResults(join(dir, 'test_run.json')).cases[0].samples[0];
    expect([s.passed, s.error]).toEqual([false, 'Other: boom']);
  });

  it('an inspect_ai log missing epochs (a cancelled run) has error samples for them', () => {
    const log = JSON.parse(readFileSync(peer('inspect/baseline.json'), 'utf8')) as {
      status: string;
      samples: Array<{ id: string; epoch: number }>;
    };
    log.status = 'cancelled';
    log.samples = log.samples.filter((s) => !(s.id === 'refusal-001' && s.epoch === 3));
    const dir = tmp();
    writeFileSync(join(dir, 'log.json'), JSON.stringify(log));
    const c = readResults(join(dir, 'log.json')).cases.find((x) => x.id === 'refusal-001')!;
    expect(c.samples.length).toBe(3);
    expect(c.samples[2].error).toBe('epoch 3 of this sample is not in the log (run status: cancelled)');
  });
});

describe('inspect_ai score values', () => {
  it('map as inspect does: C = 1, P = 0.5, I = N = 0, booleans, numbers', () => {
    expect(['C', 'P', 'I', 'N', true, false, 0.7, 'yes', 'no', '0.25'].map(scoreToFloat)).toEqual([
      1, 0.5, 0, 0, 1, 0, 0.7, 1, 0, 0.25,
    ]);
    expect(scoreToFloat('maybe')).toBeUndefined();
    expect(scoreToFloat({})).toBeUndefined();
  });

  it('the pass threshold is configurable, and dict values pass only when every entry does', () => {
    const log = JSON.parse(readFileSync(peer('inspect/baseline.json'), 'utf8')) as {
      samples: Array<{ scores: Record<string, { value: unknown }> }>;
    };
    log.samples[0].scores.no_leak.value = 'P';
    log.samples[1].scores.no_leak.value = { leak: 1, tone: 0.4 };
    const dir = tmp();
    const file = join(dir, 'log.json');
    writeFileSync(file, JSON.stringify(log));
    const verdicts = (threshold?: number) => {
      const r = readResultsWithFormat(
        file,
        threshold === undefined ? {} : { config: { ...defaults(), passThreshold: threshold } },
        true,
      )!.results;
      return r.cases.flatMap((c) => c.samples).filter((s) => s.passed).length;
    };
    expect(verdicts()).toBe(28); // P and the dict with 0.4 fail at the default threshold 1
    expect(verdicts(0.5)).toBe(29); // P passes at 0.5; the dict's 0.4 still fails
    expect(verdicts(0.4)).toBe(30);
  });
});

function defaults() {
  return {
    category: [],
    severity: [],
    defaultCategory: 'uncategorized',
    defaultSeverity: 'medium' as const,
    passThreshold: 1,
  };
}
