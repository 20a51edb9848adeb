import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { layerViolations } from './helpers/layers.js';

const FIXTURE = join('__tests__', 'fixtures', 'layers', 'src');

describe('architecture', () => {
  it('src/ keeps its layers: edges > app > domain > foundation, imports only go down, at any depth', () => {
    expect(layerViolations('src')).toEqual([]);
  });

  it('the layer test catches a domain file importing an edge two folders down, and the other breaches', () => {
    const v = layerViolations(FIXTURE).map((x) => `${x.file.split('\\').join('/')}: ${x.why}`);
    expect(v.sort()).toEqual(
      [
        'action/main.ts: src/action must not import the edge src/cli',
        'app/gate.ts: src/app must not import @actions/core (edges only)',
        'app/gate.ts: src/app must not import the edge src/action',
        'rule/kinds/text.ts: src/rule must not import the edge src/cli',
        'util/fmt.ts: src/util (layer 0) imports up into src/rule (layer 1)',
      ].sort(),
    );
  });

  it('action/main.ts stays a thin edge (at most 200 lines)', () => {
    expect(readFileSync(join('src', 'action', 'main.ts'), 'utf8').split('\n').length).toBeLessThanOrEqual(
      200,
    );
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
        'action',
        'artifact-id',
        'baseline-pass-rate',
        'candidate-pass-rate',
        'cases-path',
        'check-run-id',
        'comment-id',
        'delta',
        'exit-code',
        'monitor-path',
        'p-value',
        'report-path',
        'root-cause',
        'verdict',
        'release-notes-path',
        'audit-log-path',
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
