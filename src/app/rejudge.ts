import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ResultsFile } from '../results/schema.js';
import { resultsFromData } from '../results/io.js';
import { sha256 } from '../util/hash.js';
import type { Confirmation } from '../verdict/decide.js';
import type { SequentialRecord, StoredResults } from '../verdict/gate.js';
import { SequentialRecordSchema, StoredResultsSchema } from '../verdict/schema.js';
import type { GateSides } from './sides.js';

/**
 * Where the last gate of a head commit was stored (the action: its artifact): the folder it was downloaded to and
 * the repository path of the workflow file whose run made it, or why there is none (never stored, expired,
 * unreadable with this token, made by another workflow).
 */
export type StoredGateSource = (
  headSha: string,
) => Promise<{ dir: string; origin?: { path: string } } | { why: string }>;

/**
 * Why a gate stored by a run of `workflow` cannot be trusted, if it cannot: the head changes that workflow file.
 * A pull request's run uses the workflow as the head (merged into the base) has it, so a head that rewrites the
 * gate's workflow decides what its run uploads. A workflow defined outside this repository (another repository's
 * required workflow) cannot be changed by the head.
 */
export function workflowChangedByHead(
  co: { baseDir: string; headDir: string },
  workflow: string,
): string | undefined {
  if (!/^\.github\/workflows\/[^/@]+$/.test(workflow) || workflow.includes('..')) return undefined;
  const read = (dir: string) => {
    const file = join(dir, workflow);
    return existsSync(file) ? readFileSync(file) : undefined;
  };
  const base = read(co.baseDir);
  const head = read(co.headDir);
  // Absent from both: the run used the base branch's newer file, which the head does not touch either.
  if (base && head ? base.equals(head) : base === head) return undefined;
  return `the head changes ${workflow}, the workflow that stored it, so that run did what the head's version says`;
}

export interface StoredSides {
  baseline: ResultsFile;
  candidate: ResultsFile;
  sequential?: SequentialRecord;
  confirmations?: Confirmation[];
}

// Only what re-judging needs of gate.json, from its own schema: the rest is recomputed.
const Stored = z.object({
  kind: z.literal('safety-gate.gate'),
  stored: StoredResultsSchema,
  sequential: SequentialRecordSchema.optional(),
});

/**
 * The stored results of the last gate of this head, when they can stand in for running both agents: gate.json
 * records the sha256 of both results files and they match; both validate; the baseline was run at this base
 * commit and the candidate at this head; both cover exactly the cases this gate runs. Everything else the verdict
 * depends on (policy, rules, head changes to them, sign-offs) is read again from the checkouts and the PR.
 */
export function readStoredSides(
  dir: string,
  co: { baseSha: string; headSha: string },
  sides: GateSides,
): StoredSides | { why: string } {
  const files = ['gate.json', 'baseline.results.json', 'candidate.results.json'].map((f) => join(dir, f));
  const missing = files.find((f) => !existsSync(f));
  if (missing) return { why: `the artifact has no ${missing.slice(dir.length + 1)}` };
  let gate: z.infer<typeof Stored>;
  try {
    const parsed = Stored.safeParse(JSON.parse(readFileSync(files[0], 'utf8')));
    if (!parsed.success)
      return { why: 'its gate.json records no results hashes (made by an older version?)' };
    gate = parsed.data;
  } catch {
    return { why: 'its gate.json is not JSON' };
  }
  const stored: StoredResults = gate.stored;
  // Each file read once: hashed as written, then validated by the results reader every other path uses.
  const read = (file: string, hash: string): ResultsFile | { why: string } => {
    const text = readFileSync(file, 'utf8');
    if (sha256(text) !== hash)
      return { why: 'a results file does not match the sha256 gate.json records for it' };
    try {
      return resultsFromData(JSON.parse(text), file);
    } catch {
      return { why: 'a results file does not validate against the results schema' };
    }
  };
  const baseline = read(files[1], stored.baselineSha256);
  if ('why' in baseline) return baseline;
  const candidate = read(files[2], stored.candidateSha256);
  if ('why' in candidate) return candidate;
  if (baseline.target.ref !== co.baseSha) return { why: `its baseline was run at another base commit` };
  if (candidate.target.ref !== co.headSha) return { why: `its candidate was run at another head commit` };
  const want = sides.cases.map((c) => c.case.id).sort();
  const same = (r: ResultsFile) => {
    const ids = r.cases.map((c) => c.id).sort();
    return ids.length === want.length && ids.every((id, i) => id === want[i]) && !r.shard;
  };
  if (!same(baseline) || !same(candidate))
    return { why: 'its results do not cover the cases this gate runs' };
  return { baseline, candidate, sequential: gate.sequential, confirmations: stored.confirmations };
}
