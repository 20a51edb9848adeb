import { resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { parseFormat, type FormatName, type ImportOptions } from '../import/registry.js';
import { readResultsWithFormat, writeJson } from '../results/io.js';
import type { ResultsFile } from '../results/schema.js';

export interface ImportRequest {
  /** Output of promptfoo, inspect_ai, DeepEval or garak (or our own results file). */
  file: string;
  /** Force a format instead of recognising it by content. */
  format?: string;
  /** Config whose `import` section maps category and severity (default: .safety-gate.yml when present). */
  config?: string;
  /** Where to write the results file; nothing is written when absent. */
  out?: string;
}

export interface ImportOutcome {
  format: FormatName;
  results: ResultsFile;
  cases: number;
  samples: number;
  passed: number;
  failed: number;
  errors: number;
  out?: string;
}

/** How results files are read: a forced --format, and the config's `import` mapping. */
export function importOptions(o: { format?: string; config?: string }): ImportOptions {
  return {
    format: o.format === undefined ? undefined : parseFormat(o.format),
    config: loadConfig(o.config).config.import,
  };
}

/** Converts another harness's output into a results file, exactly as `gate` and `merge` read it. */
export function importResults(o: ImportRequest): ImportOutcome {
  const { results, format: found } = readResultsWithFormat(resolve(o.file), importOptions(o), true)!;
  const samples = results.cases.flatMap((c) => c.samples);
  const errors = samples.filter((s) => s.error !== null && s.error !== undefined).length;
  const passed = samples.filter((s) => s.passed).length;
  const out = o.out === undefined ? undefined : resolve(o.out);
  if (out) writeJson(out, results);
  return {
    format: found,
    results,
    cases: results.cases.length,
    samples: samples.length,
    passed,
    failed: samples.length - passed - errors,
    errors,
    out,
  };
}
