import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const CORE = [
  'case',
  'config',
  'import',
  'incident',
  'input',
  'policy',
  'promote',
  'report',
  'results',
  'rule',
  'runner',
  'stats',
  'stress',
  'trajectory',
  'util',
  'verdict',
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('architecture', () => {
  it('the pure core never imports @actions/* or the GitHub and action edges', () => {
    const offenders = CORE.flatMap((d) => files(join('src', d))).filter((f) =>
      /from '(@actions\/|\.\.\/(github|action|cli)\/)/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('action.yml runs node24 from dist/index.js and declares the inputs and outputs of SPEC §7', () => {
    const action = parse(readFileSync('action.yml', 'utf8')) as {
      runs: object;
      inputs: object;
      outputs: object;
    };
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(Object.keys(action.inputs)).toEqual(
      expect.arrayContaining([
        'mode',
        'config',
        'baseline-ref',
        'candidate-ref',
        'baseline-results',
        'candidate-results',
        'incident',
        'traffic',
        'github-token',
        'fail-on',
        'comment',
        'check-name',
        'artifact-name',
        'retention-days',
        'samples',
        'concurrency',
        'shard',
      ]),
    );
    expect(Object.keys(action.outputs).sort()).toEqual(
      [
        'artifact-id',
        'baseline-pass-rate',
        'candidate-pass-rate',
        'cases-path',
        'check-run-id',
        'comment-id',
        'delta',
        'exit-code',
        'p-value',
        'report-path',
        'root-cause',
        'verdict',
      ].sort(),
    );
  });

  it('example workflows parse, use the action, and pass it only inputs it declares', () => {
    const declared = Object.keys((parse(readFileSync('action.yml', 'utf8')) as { inputs: object }).inputs);
    for (const f of readdirSync('examples/workflows')) {
      const wf = parse(readFileSync(join('examples/workflows', f), 'utf8')) as {
        jobs: Record<string, { steps?: Array<{ uses?: string; with?: Record<string, unknown> }> }>;
      };
      const steps = Object.values(wf.jobs)
        .flatMap((j) => j.steps ?? [])
        .filter((s) => (s.uses ?? '').includes('agentic-safety-gate'));
      expect({ f, steps: steps.length > 0 }).toEqual({ f, steps: true });
      for (const s of steps)
        for (const k of Object.keys(s.with ?? {}))
          expect({ f, input: k, declared: declared.includes(k) }).toEqual({ f, input: k, declared: true });
    }
  });
});
