import { resolve } from 'node:path';
import { readResults, writeJson } from '../results/io.js';
import { mergeResults } from '../results/merge.js';
import type { ResultsFile } from '../results/schema.js';

/** Shard results files of one side joined into one results file. */
export function merge(files: string[], out: string): ResultsFile {
  const merged = mergeResults(files.map((file) => ({ file, results: readResults(file) })));
  writeJson(resolve(out), merged);
  return merged;
}
