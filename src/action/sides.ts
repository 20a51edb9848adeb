import { isAbsolute, relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { loadSides, type GateSides } from '../app/sides.js';
import { createTarget } from '../target/resolve.js';
import { runSuite } from '../runner/suite.js';
import { selectShard, type Shard } from '../runner/shard.js';
import { readResults } from '../results/io.js';
import { mergeResults } from '../results/merge.js';
import type { ResultsFile } from '../results/schema.js';
import { addWorktree, changeLog, ensureCommit, headCommit, type Worktree } from '../git/local.js';
import type { Reason } from '../verdict/decide.js';
import { progressReporter } from '../cli/progress.js';

export interface Checkouts {
  baseDir: string;
  headDir: string;
  baseSha: string;
  headSha: string;
  cleanup(): Promise<void>;
}

/** The base in a git worktree; the head is the workspace when it is checked out there, else a second worktree. */
export async function checkout(
  workspace: string,
  baseRef: string,
  headRef: string,
  tempDir: string,
): Promise<Checkouts> {
  const baseSha = await ensureCommit(workspace, baseRef);
  const headSha = await ensureCommit(workspace, headRef);
  const trees: Worktree[] = [];
  const base = await addWorktree(workspace, baseSha, tempDir);
  trees.push(base);
  let headDir = workspace;
  if ((await headCommit(workspace)) !== headSha) {
    const head = await addWorktree(workspace, headSha, tempDir);
    trees.push(head);
    headDir = head.dir;
  }
  return {
    baseDir: base.dir,
    headDir,
    baseSha,
    headSha,
    async cleanup() {
      for (const t of trees) await t.remove();
    },
  };
}

export interface SideRun {
  sides: GateSides;
  baseline: ResultsFile;
  candidate: ResultsFile;
}

/** Runs both sides on the same cases, rules and seed; samples and seed come from the BASE config. */
export async function runSides(
  co: Checkouts,
  o: { config?: string; samples?: number; concurrency?: number; shard?: Shard; cacheDir?: string },
): Promise<SideRun> {
  const sides = await loadSides(co.baseDir, co.headDir, o.config);
  const cfg = sides.base.config;
  const missing = [!cfg.target && 'base', !sides.head.config.target && 'head'].filter(Boolean);
  if (missing.length)
    throw new Error(
      `no target in the ${missing.join(' and ')} config: set \`target\` in ${o.config ?? '.safety-gate.yml'}`,
    );
  const cases = o.shard ? selectShard(sides.cases, o.shard) : sides.cases;
  const opts = (ref: string, label: string) => ({
    samples: o.samples ?? cfg.samples,
    concurrency: o.concurrency ?? cfg.concurrency,
    seed: cfg.seed,
    maxSteps: cfg.maxSteps,
    ref,
    onProgress: progressReporter(label, process.stdout),
  });
  const run = async (spec: NonNullable<typeof cfg.target>, ref: string, label: string, cwd: string) => {
    const target = createTarget(spec, label, { cwd, cacheDir: o.cacheDir });
    try {
      const r = await runSuite(cases, target, sides.rules, opts(ref, label));
      return o.shard ? { ...r, shard: `${o.shard.index}/${o.shard.total}` } : r;
    } finally {
      await target.close?.();
    }
  };
  const baseline = await run(cfg.target!, co.baseSha, 'baseline', co.baseDir);
  const candidate = await run(sides.head.config.target!, co.headSha, 'candidate', co.headDir);
  return { sides, baseline, candidate };
}

/** A results input: one file, or a glob of shard files that are merged. */
export function readResultsInput(pattern: string, workspace: string): ResultsFile {
  const files = globSync(pattern, { cwd: workspace, absolute: true }).sort();
  if (files.length === 0) {
    const direct = isAbsolute(pattern) ? pattern : resolve(workspace, pattern);
    return readResults(direct);
  }
  if (files.length === 1) return readResults(files[0]);
  return mergeResults(files.map((file) => ({ file, results: readResults(file) })));
}

/** Maps a case file to a path inside the head checkout, or undefined when it lives elsewhere (built-in suites). */
export function repoPath(headDir: string) {
  return (file: string): string | undefined => {
    const rel = relative(headDir, resolve(file));
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : undefined;
  };
}

/**
 * Every change the head makes to the gate itself (policy, sign-off lists, rules, cases) is logged with the commits
 * that made it: who, when and why (the commit subject), in the reason's values and its message.
 */
export async function auditChanges(reasons: Reason[], sides: GateSides, co: Checkouts): Promise<void> {
  const inRepo = (dir: string, file: string | undefined) => {
    if (!file) return undefined;
    const rel = relative(dir, resolve(file));
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : undefined;
  };
  const configFile = inRepo(co.headDir, sides.head.file) ?? inRepo(co.baseDir, sides.base.file);
  const ruleFiles = (ids: string[]) =>
    ids.flatMap((id) => [
      inRepo(co.headDir, sides.head.rules.get(id)?.file),
      inRepo(co.baseDir, sides.base.rules.get(id)?.file),
    ]);
  const caseFiles = (ids: string[]) =>
    ids.flatMap((id) => [
      inRepo(co.headDir, sides.head.cases.find((c) => c.case.id === id)?.file),
      inRepo(co.baseDir, sides.base.cases.find((c) => c.case.id === id)?.file),
    ]);
  for (const r of reasons) {
    const v = r.values as { changed?: string[]; removed?: string[]; cases?: string[] };
    const paths =
      r.code === 'policy_changed' || r.code === 'signoff_changed'
        ? [configFile]
        : r.code === 'rules_changed'
          ? [configFile, ...ruleFiles([...(v.changed ?? []), ...(v.removed ?? [])])]
          : r.code === 'cases_removed' || r.code === 'suite_changed'
            ? [configFile, ...caseFiles(v.cases ?? [])]
            : [];
    const unique = [...new Set(paths.filter((p): p is string => Boolean(p)))];
    if (!unique.length) continue;
    const commits = await changeLog(co.headDir, co.baseSha, co.headSha, unique).catch(() => []);
    if (!commits.length) continue;
    r.values = { ...r.values, commits };
    const c = commits[0];
    r.message += ` Changed by ${c.author} on ${c.at.slice(0, 10)} in ${c.sha.slice(0, 7)} ("${c.subject}")${commits.length > 1 ? ` and ${commits.length - 1} more commit(s)` : ''}.`;
  }
}
