import { InputError } from '../input/errors.js';
import type { ResultsFile } from './schema.js';

/**
 * Joins shard results of one side into one file. Shards must come from the same target (fingerprint) and seed,
 * and split the suite: a case in two shards is an error, not something to average away.
 */
export function mergeResults(parts: Array<{ file: string; results: ResultsFile }>): ResultsFile {
  if (parts.length === 0) throw InputError.one('(merge)', '', 'expected at least one results file to merge');
  const [first] = parts;
  const seen = new Map<string, string>();
  const cases: ResultsFile['cases'] = [];
  for (const { file, results } of parts) {
    if (
      results.target.fingerprint !== first.results.target.fingerprint ||
      results.target.name !== first.results.target.name
    ) {
      throw InputError.one(
        file,
        'target',
        `expected the same target as ${first.file} (${first.results.target.name}), got ${results.target.name}`,
      );
    }
    if (results.seed !== first.results.seed) {
      throw InputError.one(
        file,
        'seed',
        `expected the same seed as ${first.file} ("${first.results.seed}"), got "${results.seed}"`,
      );
    }
    for (const c of results.cases) {
      const prior = seen.get(c.id);
      if (prior) throw InputError.one(file, 'cases', `case "${c.id}" is also in ${prior}: shards overlap`);
      seen.set(c.id, file);
      cases.push(c);
    }
  }
  const { shard: _shard, ...rest } = first.results;
  return { ...rest, cases };
}
