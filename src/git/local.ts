import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 16 * 1024 * 1024 });
  return stdout.trim();
}

export async function resolveCommit(repoDir: string, ref: string): Promise<string | undefined> {
  try {
    return await git(repoDir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  } catch {
    return undefined;
  }
}

/**
 * The commit for `ref`, fetched from origin when the checkout is shallow. Fails with what to change in the
 * workflow, because a gate that silently compared the wrong commits would be worse than none.
 */
/** A ref as git names one; never an option (`--upload-pack=…`) or something with spaces or control characters. */
export function assertRef(ref: string): void {
  if (!/^(?!-)[A-Za-z0-9._/@{}^~+-]{1,255}$/.test(ref) || ref.includes('..'))
    throw new Error(`not a git ref or commit: ${JSON.stringify(ref.slice(0, 80))}`);
}

export async function ensureCommit(repoDir: string, ref: string): Promise<string> {
  assertRef(ref);
  const sha = await resolveCommit(repoDir, ref);
  if (sha) return sha;
  try {
    await git(repoDir, ['fetch', '--no-tags', '--depth=1', 'origin', ref]);
  } catch {
    /* reported below */
  }
  const fetched = (await resolveCommit(repoDir, ref)) ?? (await resolveCommit(repoDir, 'FETCH_HEAD'));
  if (!fetched) {
    throw new Error(
      `commit ${ref} is not in the checkout and could not be fetched; use actions/checkout with fetch-depth: 0`,
    );
  }
  return fetched;
}

export interface Worktree {
  dir: string;
  sha: string;
  remove(): Promise<void>;
}

/** A detached worktree of `sha`: the other side's checkout, without disturbing the workspace. */
export async function addWorktree(repoDir: string, sha: string, parent = tmpdir()): Promise<Worktree> {
  const dir = join(mkdtempSync(join(parent, 'safety-gate-')), 'checkout');
  await git(repoDir, ['worktree', 'add', '--detach', '--force', dir, sha]);
  return {
    dir,
    sha,
    async remove() {
      await git(repoDir, ['worktree', 'remove', '--force', dir]).catch(() => undefined);
    },
  };
}

export async function headCommit(repoDir: string): Promise<string | undefined> {
  return resolveCommit(repoDir, 'HEAD');
}

export interface Change {
  sha: string;
  author: string;
  at: string;
  subject: string;
}

/** Commits after `base` up to `head` that touched `paths` (relative to the repository): who changed it, when, why. */
export async function changeLog(
  repoDir: string,
  base: string,
  head: string,
  paths: string[],
): Promise<Change[]> {
  if (paths.length === 0) return [];
  const out = await git(repoDir, [
    'log',
    '--format=%H%x1f%an%x1f%aI%x1f%s',
    `${base}..${head}`,
    '--',
    ...paths,
  ]);
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [sha, author, at, subject] = l.split('\x1f');
      return { sha, author, at, subject };
    });
}
