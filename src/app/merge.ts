import { resolve } from 'node:path';
import { readResults, writeJson, type ImportOptions } from '../results/io.js';
import { mergeResults } from '../results/merge.js';
import type { ResultsFile } from '../results/schema.js';

/** Shard results files of one side (ours or another harness's) joined into one results file. */
export function merge(files: string[], out: string, read: ImportOptions = {}): ResultsFile {
  const merged = mergeResults(files.map((file) => ({ file, results: readResults(file, read) })));
  writeJson(resolve(out), merged);
  return merged;
}
