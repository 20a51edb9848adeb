import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';
import { isResultsData, readResults } from '../src/results/io.js';

/** SPEC §3.4: only id, category, severity, samples[].passed and samples[].firstFailureTurn are required. */
const minimal = (failTurn: number | null) =>
  JSON.stringify({
    cases: Array.from({ length: 30 }, (_, i) => ({
      id: `m-${i}`,
      category: 'jailbreak',
      severity: 'high',
      samples: [0, 1, 2].map(() =>
        failTurn === null || i % 2
          ? { passed: true, firstFailureTurn: null }
          : { passed: false, firstFailureTurn: failTurn },
      ),
    })),
  });

describe('results files without kind (SPEC §3.4: it is optional)', () => {
  it('gate reads them as results, not as target files, and names the sides after the files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-nokind-'));
    writeFileSync(join(dir, 'base.json'), minimal(null));
    writeFileSync(join(dir, 'head.json'), minimal(2));
    const r = await runCli([
      'gate',
      '--baseline',
      join(dir, 'base.json'),
      '--candidate',
      join(dir, 'head.json'),
      '--out-dir',
      join(dir, 'out'),
    ]);
    expect(r.stderr).not.toMatch(/discriminator|Expected 'sim'/);
    expect(r.code).toBe(2);
    const gate = JSON.parse(readFileSync(join(dir, 'out', 'gate.json'), 'utf8')) as {
      verdict: string;
      baseline: { target: { name: string } };
    };
    expect(gate.verdict).toBe('BLOCK');
    expect(gate.baseline.target.name).toBe('base.json');
  });

  it('readResults fills kind, schemaVersion and target; a target file is not results', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-nokind-'));
    writeFileSync(join(dir, 'r.json'), minimal(null));
    const r = readResults(join(dir, 'r.json'));
    expect(r).toMatchObject({ kind: 'safety-gate.results', schemaVersion: 1, target: { name: 'r.json' } });
    expect(isResultsData({ type: 'openai', model: 'm' })).toBe(false);
    expect(isResultsData({ kind: 'safety-gate.gate', cases: [] })).toBe(false);
    expect(isResultsData({ cases: [] })).toBe(true);
    // A bad file still names the path and what was expected.
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({ cases: [{ id: 'x', category: 'c', severity: 'huge', samples: [] }] }),
    );
    expect(() => readResults(join(dir, 'bad.json'))).toThrow(/bad\.json.*cases\[0\]\.severity/);
  });
});
