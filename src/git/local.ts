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
    return await git(repoDir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    return undefined;
  }
}

/**
 * The commit for `ref`, fetched from origin when the checkout is shallow. Fails with what to change in the
 * workflow, because a gate that silently compared the wrong commits would be worse than none.
 */
export async function ensureCommit(repoDir: string, ref: string): Promise<string> {
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

export interface BlameLine {
  /** The commit that last changed the line. */
  sha: string;
  author: string;
  authorMail: string;
  authorTime: string;
  /** The line's text in that checkout. */
  text: string;
}

/**
 * Who last changed one line of a file at a commit (`git blame --porcelain`). Undefined when the file or line is
 * not there at that commit; a failing git is an error, never a guess.
 */
export async function blameLine(
  repoDir: string,
  rev: string,
  file: string,
  line: number,
): Promise<BlameLine | undefined> {
  let out: string;
  try {
    out = await git(repoDir, ['blame', '--porcelain', '-L', `${line},${line}`, rev, '--', file]);
  } catch (e) {
    const msg = String((e as { stderr?: string }).stderr ?? (e as Error).message);
    if (/no such path|has only \d+ lines?|invalid line|no such file/i.test(msg)) return undefined;
    throw new Error(`git blame ${file}:${line} at ${rev.slice(0, 12)} failed: ${msg.trim()}`);
  }
  const rows = out.split('\n');
  const sha = rows[0]?.split(' ')[0];
  if (!sha || !/^[0-9a-f]{40}$/.test(sha)) return undefined;
  const field = (k: string) => rows.find((r) => r.startsWith(`${k} `))?.slice(k.length + 1) ?? '';
  const time = Number(field('author-time'));
  return {
    sha,
    author: field('author'),
    authorMail: field('author-mail').replace(/^<|>$/g, ''),
    authorTime: Number.isFinite(time) && time > 0 ? new Date(time * 1000).toISOString() : '',
    text: rows.find((r) => r.startsWith('\t'))?.slice(1) ?? '',
  };
}
