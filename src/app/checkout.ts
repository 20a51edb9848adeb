import { isAbsolute, relative, resolve } from 'node:path';
import { addWorktree, changeLog, ensureCommit, headCommit, type Worktree } from '../git/local.js';
import type { Reason } from '../verdict/decide.js';
import type { GateSides } from './sides.js';

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

/** One side's checkout: `ref` in a worktree, or the workspace itself when it already holds that commit (or no ref). */
export async function checkoutOne(
  workspace: string,
  ref: string | undefined,
  tempDir: string,
): Promise<{ dir: string; sha?: string; cleanup(): Promise<void> }> {
  if (!ref) return { dir: workspace, cleanup: async () => {} };
  const sha = await ensureCommit(workspace, ref);
  if ((await headCommit(workspace)) === sha) return { dir: workspace, sha, cleanup: async () => {} };
  const tree = await addWorktree(workspace, sha, tempDir);
  return { dir: tree.dir, sha, cleanup: () => tree.remove() };
}

/** A path inside `dir` with forward slashes, or undefined for files elsewhere (built-in suites). */
export function inRepo(dir: string, file: string | undefined): string | undefined {
  if (!file) return undefined;
  const rel = relative(dir, resolve(file));
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : undefined;
}

/** Maps a case file to a path inside the head checkout (for annotations). */
export function repoPath(headDir: string) {
  return (file: string): string | undefined => inRepo(headDir, file);
}

/**
 * Every change the head makes to the gate itself (policy, sign-off lists, rules, cases) is logged with the commits
 * that made it: who, when and why (the commit subject), in the reason's values and its message.
 */
export async function auditChanges(reasons: Reason[], sides: GateSides, co: Checkouts): Promise<void> {
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
