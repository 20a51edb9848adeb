import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { writeArtifact, type ArtifactOptions } from '../util/artifact.js';
import { jsonText } from '../util/json-text.js';
import { InputError } from '../input/errors.js';
import { validateJson } from '../input/json.js';
import { assertInputSize } from '../input/limits.js';
import { displayPath } from '../input/sources.js';
import { classifyJson } from '../import/sniff.js';
import { loadDocument, type FormatName, type ImportOptions } from '../import/registry.js';
import { ResultsSchema, type ResultsFile } from './schema.js';
import { fastResults } from './fast.js';

export type { ImportOptions } from '../import/registry.js';

/**
 * Reads a results file: ours, or another harness's output (promptfoo, inspect_ai, DeepEval, garak) recognised by
 * content or named by `o.format`, converted to ours. Errors name the file and the path or line inside it.
 */
export function readResults(file: string, o: ImportOptions = {}): ResultsFile {
  return readResultsWithFormat(file, o, true)!.results;
}

/**
 * readResults for an argument that may also be something else (the gate's target files): undefined when the
 * file's content is no results format and none was forced. Reads and parses the file once.
 */
export function readResultsIfAny(file: string, o: ImportOptions = {}): ResultsFile | undefined {
  return readResultsWithFormat(file, o, false)?.results;
}

export function readResultsWithFormat(
  file: string,
  o: ImportOptions,
  required: boolean,
): { results: ResultsFile; format: FormatName } | undefined {
  const name = displayPath(file);
  let bytes: Buffer;
  assertInputSize(file, 'results file');
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw InputError.one(
      name,
      '',
      `cannot read results file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
    );
  }
  const doc = loadDocument(name, bytes, o, required);
  if (!doc) return undefined;
  return { results: resultsFromData(doc.data, file), format: doc.format };
}

/** A results document of ours (SPEC §3.4: `kind` optional), by content: the one sniffer every reader uses. */
export function isResultsData(data: unknown): boolean {
  return classifyJson(data) === 'safety-gate';
}

/** Validates parsed results (for callers that had to look at the JSON first). */
export function resultsFromData(data: unknown, file: string): ResultsFile {
  const name = displayPath(file);
  // A file without a target is named after itself in reports (e.g. "promptfoo-head.json").
  const named =
    data && typeof data === 'object' && !Array.isArray(data) && !('target' in data)
      ? { ...data, target: { name: basename(file) } }
      : data;
  // The common shape checked in place; zod for anything else, and for the error message.
  const results = fastResults(named) ?? validateJson(named, ResultsSchema, file);
  const seen = new Set<string>();
  const cases = results.cases;
  for (let i = 0; i < cases.length; i++) {
    const id = cases[i].id;
    if (seen.has(id)) throw InputError.one(name, `cases[${i}].id`, `duplicate case id "${id}"`);
    seen.add(id);
  }
  return results;
}

/**
 * JSON with secrets redacted (see writeArtifact for when `shapes: false` is needed), a results file's cases one per
 * line (jsonText); returns what was written.
 */
export function writeJson(file: string, value: unknown, o: ArtifactOptions = {}): string {
  return writeArtifact(file, jsonText(value, 'cases'), o);
}
