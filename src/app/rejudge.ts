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
import { objectAt } from '../git/local.js';

/**
 * Where the last gate of a head commit was stored (the action: its artifact): the folder it was downloaded to and
 * where it came from (the gate workflow's file and the base its pull_request run was merged with), or why there
 * is none (never stored, expired, unreadable with this token, no run of the gate's workflow for this pull request).
 */
export type StoredGateSource = (
  headSha: string,
) => Promise<{ dir: string; origin?: { path: string; baseSha: string } } | { why: string }>;

const WORKFLOWS = '.github/workflows';

/**
 * Why a gate stored by a pull_request run cannot be trusted, if it cannot. That run followed the workflow files of
 * the head merged into its base: when that base is not this one, or the head changes `.github/workflows/` (the
 * gate's workflow, or a reusable one it calls), the run did what someone other than this base decided.
 * Compared as git objects, never as files on disk.
 */
export async function workflowsDiffer(
  repoDir: string,
  co: { baseSha: string; headSha: string },
  origin: { path: string; baseSha: string },
): Promise<string | undefined> {
  if (!origin.path.startsWith(`${WORKFLOWS}/`))
    return `the workflow that stored it (${JSON.stringify(origin.path)}) is not in ${WORKFLOWS}/`;
  if (origin.baseSha !== co.baseSha)
    return `the run that stored it was for base ${origin.baseSha.slice(0, 12)}, not this base`;
  const [base, head, gate] = await Promise.all([
    objectAt(repoDir, co.baseSha, WORKFLOWS),
    objectAt(repoDir, co.headSha, WORKFLOWS),
    objectAt(repoDir, co.baseSha, origin.path),
  ]);
  // The gate's own workflow is in the base; not finding it means git could not read the tree: fail closed.
  if (!base || !gate) return `${origin.path} is not in the base commit's tree (or git could not read it)`;
  if (head !== base)
    return `the head changes ${WORKFLOWS}/, and the run that stored it followed the head's workflows (${origin.path} or one it calls)`;
  return undefined;
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
