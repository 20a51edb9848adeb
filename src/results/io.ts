import { writeArtifact, type ArtifactOptions } from '../util/artifact.js';
import { InputError } from '../input/errors.js';
import { parseJsonFile, validateJson } from '../input/json.js';
import { displayPath } from '../input/sources.js';
import { ResultsSchema, type ResultsFile } from './schema.js';

/** Reads and validates a results file; errors name the file and the path inside it. */
export function readResults(file: string): ResultsFile {
  return resultsFromData(parseJsonFile(file, 'results file'), file);
}

/** Validates parsed results (for callers that had to look at the JSON first). */
export function resultsFromData(data: unknown, file: string): ResultsFile {
  const name = displayPath(file);
  const results = validateJson(data, ResultsSchema, file);
  const seen = new Set<string>();
  for (const [i, c] of results.cases.entries()) {
    if (seen.has(c.id)) throw InputError.one(name, `cases[${i}].id`, `duplicate case id "${c.id}"`);
    seen.add(c.id);
  }
  return results;
}

/** JSON with secrets redacted (see writeArtifact for when `shapes: false` is needed). */
export function writeJson(file: string, value: unknown, o: ArtifactOptions = {}): void {
  writeArtifact(file, JSON.stringify(value, null, 1) + '\n', o);
}
