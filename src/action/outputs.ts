import type { GateFile } from '../verdict/gate.js';
import type { ReplayFile } from '../incident/replay.js';
import type { StressFile } from '../stress/search.js';

/** The action's outputs (action.yml) as strings. */
export type Outputs = Record<string, string>;

export function gateOutputs(g: GateFile, reportPath: string): Outputs {
  return {
    verdict: g.verdict,
    'exit-code': String(g.exitCode),
    'p-value': String(g.pValue),
    delta: String(g.delta),
    'baseline-pass-rate': String(g.baseline.passRate),
    'candidate-pass-rate': String(g.candidate.passRate),
    'report-path': reportPath,
  };
}

export function replayOutputs(f: ReplayFile, files: { summary: string; cases: string }): Outputs {
  return {
    verdict: f.verdict,
    'exit-code': String(f.exitCode),
    'report-path': files.summary,
    'root-cause': f.rootCause.category,
    'cases-path': files.cases,
  };
}

/** Finding failures is a stress run's job: WARN when it found some, and the step does not fail on them. */
export function stressOutputs(f: StressFile, files: { summary: string; promoted: string }): Outputs {
  return {
    verdict: f.summary.unique ? 'WARN' : 'OK',
    'exit-code': '0',
    'report-path': files.summary,
    'cases-path': files.promoted,
  };
}

/** A run that broke before a verdict: ERROR and exit 3, never a verdict it did not reach. */
export function errorOutputs(): Outputs {
  return { verdict: 'ERROR', 'exit-code': '3' };
}
