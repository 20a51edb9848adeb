import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 16 * 1024 * 1024 });
  return stdout.trim();
}

export async function resolveCommit(
  repoDir: string,
  ref: string,
  peel = '^{commit}',
): Promise<string | undefined> {
  try {
    return await git(repoDir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}${peel}`]);
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

/** A full commit id (40 hex digits), as git prints it and GitHub sends it. */
export const isCommitSha = (s: unknown): s is string => typeof s === 'string' && /^[0-9a-f]{40}$/i.test(s);

/**
 * The object id of `path` (a file or a folder) in commit `sha`, or undefined when that commit has no such path.
 * Compares what git stores, never what a checkout has on disk (a symlink there could point anywhere).
 */
export async function objectAt(repoDir: string, sha: string, path: string): Promise<string | undefined> {
  if (!isCommitSha(sha) || path.startsWith('-') || path.includes('..'))
    throw new Error(`not a commit and path: ${JSON.stringify(`${sha}:${path}`.slice(0, 120))}`);
  return resolveCommit(repoDir, `${sha}:${path}`, '');
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
  if (!isCommitSha(sha)) return undefined;
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

async function gitEnv(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { stdout } = await run('git', args, {
    cwd,
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.trim();
}

/**
 * Appends to one file on a dedicated branch of `origin` (the audit trail), without touching the workspace: the
 * branch is fetched, the file rewritten by `render` (given its current text, '' when the branch or file is new),
 * committed on top with git plumbing and pushed. A rejected push (someone appended meanwhile) is retried on the
 * new tip. Returns the new commit.
 */
export async function appendToBranch(
  repoDir: string,
  branch: string,
  file: string,
  render: (existing: string) => string,
  message: string,
  tempParent = tmpdir(),
): Promise<string> {
  if (!/^[A-Za-z0-9._-]+$/.test(file))
    throw new Error(`audit file name ${JSON.stringify(file)}: expected a plain file name`);
  const tmp = mkdtempSync(join(tempParent, 'safety-gate-branch-'));
  const localRef = 'refs/safety-gate/audit-branch';
  const identity = {
    GIT_AUTHOR_NAME: 'agentic-safety-gate',
    GIT_AUTHOR_EMAIL: 'safety-gate@users.noreply.github.com',
    GIT_COMMITTER_NAME: 'agentic-safety-gate',
    GIT_COMMITTER_EMAIL: 'safety-gate@users.noreply.github.com',
  };
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    let parent: string | undefined;
    try {
      await git(repoDir, ['fetch', '--no-tags', 'origin', `+refs/heads/${branch}:${localRef}`]);
      parent = await git(repoDir, ['rev-parse', '--verify', `${localRef}^{commit}`]);
    } catch {
      parent = undefined; // a new branch
    }
    const existing = parent
      ? await git(repoDir, ['show', `${parent}:${file}`])
          .then((t) => t + '\n')
          .catch(() => '')
      : '';
    const blobFile = join(tmp, `blob-${attempt}`);
    writeFileSync(blobFile, render(existing === '\n' ? '' : existing));
    const blob = await git(repoDir, ['hash-object', '-w', blobFile]);
    const index = { GIT_INDEX_FILE: join(tmp, `index-${attempt}`) };
    if (parent) await gitEnv(repoDir, ['read-tree', parent], index);
    else await gitEnv(repoDir, ['read-tree', '--empty'], index);
    await gitEnv(repoDir, ['update-index', '--add', '--cacheinfo', `100644,${blob},${file}`], index);
    const tree = await gitEnv(repoDir, ['write-tree'], index);
    const commit = await gitEnv(
      repoDir,
      ['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message],
      identity,
    );
    try {
      await git(repoDir, ['push', '--quiet', 'origin', `${commit}:refs/heads/${branch}`]);
      return commit;
    } catch (e) {
      lastError = e;
    }
  }
  throw new Error(
    `could not push the audit records to branch ${branch}: ${String((lastError as { stderr?: string }).stderr ?? lastError).trim()}`,
  );
}
