import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { InputError } from '../input/errors.js';
import { parseJsonFile, validateJson } from '../input/json.js';
import { displayPath } from '../input/sources.js';
import { ResultsSchema, type ResultsFile } from './schema.js';

/** Reads and validates a results file; errors name the file and the path inside it. */
export function readResults(file: string): ResultsFile {
  return resultsFromData(parseJsonFile(file, 'results file'), file);
}

/**
 * Whether parsed JSON is meant as a results file: `kind: safety-gate.results`, or (SPEC §3.4: kind is optional) no
 * `kind` and no target `type`, with a `cases` list. Anything else given where results or a target may go is a target.
 */
export function isResultsData(data: unknown): boolean {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return false;
  const d = data as { kind?: unknown; type?: unknown; cases?: unknown };
  if (d.kind === 'safety-gate.results') return true;
  return d.kind === undefined && d.type === undefined && Array.isArray(d.cases);
}

/** Validates parsed results (for callers that had to look at the JSON first). */
export function resultsFromData(data: unknown, file: string): ResultsFile {
  const name = displayPath(file);
  // A file without a target is named after itself in reports (e.g. "promptfoo-head.json").
  const named =
    data && typeof data === 'object' && !Array.isArray(data) && !('target' in data)
      ? { ...data, target: { name: basename(file) } }
      : data;
  const results = validateJson(named, ResultsSchema, file);
  const seen = new Set<string>();
  for (const [i, c] of results.cases.entries()) {
    if (seen.has(c.id)) throw InputError.one(name, `cases[${i}].id`, `duplicate case id "${c.id}"`);
    seen.add(c.id);
  }
  return results;
}

export function writeJson(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value, null, 1) + '\n');
}
