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
  assertCompleteShards(parts);
  const { shard: _shard, ...rest } = first.results;
  return { ...rest, cases };
}

/**
 * Shards say which slice they are (`k/n`): a merge without every slice would gate part of the suite, and a
 * regression in the missing slice would pass unseen.
 */
function assertCompleteShards(parts: Array<{ file: string; results: ResultsFile }>): void {
  const labelled = parts.filter((p) => p.results.shard);
  if (labelled.length === 0) return;
  const total = Number(labelled[0].results.shard!.split('/')[1]);
  const have = new Set(labelled.map((p) => Number(p.results.shard!.split('/')[0])));
  for (const p of labelled)
    if (Number(p.results.shard!.split('/')[1]) !== total)
      throw InputError.one(p.file, 'shard', `expected a shard of ${total}, got ${p.results.shard}`);
  const missing = Array.from({ length: total }, (_, i) => i + 1).filter((k) => !have.has(k));
  if (missing.length || labelled.length !== parts.length)
    throw InputError.one(
      '(merge)',
      'shard',
      missing.length
        ? `incomplete shard set: missing ${missing.map((k) => `${k}/${total}`).join(', ')}`
        : 'some files are shards and some are not: merge the shards of one run',
    );
}
