import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { sha256 } from '../util/hash.js';

/** The default response cache folder's name: never part of what an agent's behaviour depends on. */
export const CACHE_FOLDER_NAME = '.safety-gate-cache';

/** Reports rendered next to a gate.json / replay.json: ours when such a file is beside them. */
const REPORT_NAMES = new Set([
  'report.html',
  'summary.md',
  'junit.xml',
  'release-notes.md',
  'replay.html',
  'replay.md',
  'stress.md',
]);

/** Outside git, a checkout bigger than this is not hashed (the cache is then off, and we say so). */
const MAX_FILES = 5000;
const MAX_BYTES = 64 << 20;
const SKIP_DIRS = new Set(['.git', 'node_modules', CACHE_FOLDER_NAME]);

export interface CheckoutState {
  /** Hash of what the agent's behaviour can depend on in the checkout; null when it cannot be computed. */
  state: string | null;
  /** Why `state` is null (said once to the user: the cache and resume are then off). */
  reason?: string;
  /** How it was computed, for tests and messages. */
  how: 'git' | 'files' | 'none';
  /** Files folded in, relative to the repository root or cwd. */
  files: number;
}

const git = (cwd: string, args: string[], maxBuffer = 64 << 20) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer });

function head(file: string, bytes = 512): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const OUR_KIND = /"kind"\s*:\s*"safety-gate\.[a-z-]+"/;

/**
 * A file safety-gate itself wrote: a results / gate / replay / stress JSON (by its `kind`), a run checkpoint, a
 * cached response, or a report beside a gate.json. Folding these into the fingerprint made every run see a
 * "changed" agent, so the cache and resume never worked.
 */
export function isOwnFile(file: string, exclude: string[] = []): boolean {
  const abs = resolve(file);
  if (exclude.some((d) => abs === d || abs.startsWith(d.endsWith(sep) ? d : d + sep))) return true;
  if (abs.split(sep).includes(CACHE_FOLDER_NAME)) return true;
  const name = basename(abs);
  if (name.endsWith('.checkpoint.jsonl')) return true;
  if (name.endsWith('.json') && OUR_KIND.test(head(abs))) return true;
  if (REPORT_NAMES.has(name)) {
    const dir = dirname(abs);
    return ['gate.json', 'replay.json'].some((g) => OUR_KIND.test(head(join(dir, g))));
  }
  return false;
}

function hashFiles(root: string, files: string[]): string {
  const parts: string[] = [];
  for (const f of [...files].sort()) {
    const abs = resolve(root, f);
    let content: string;
    try {
      content = createHash('sha256').update(readFileSync(abs)).digest('hex');
    } catch {
      content = 'missing';
    }
    parts.push(`${f}\u0000${content}`);
  }
  return sha256(parts.join('\n'));
}

/**
 * In a git checkout: the commit, the tracked changes and the contents of untracked files git does not ignore,
 * leaving out safety-gate's own files (cache, checkpoints, results and reports) and `exclude` (absolute paths).
 */
function gitState(cwd: string, exclude: string[]): CheckoutState | undefined {
  let top: string;
  try {
    top = git(cwd, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    return undefined;
  }
  let commit = 'none';
  try {
    commit = git(top, ['rev-parse', 'HEAD']).trim();
  } catch {
    /* a fresh `git init`: no commit yet, every file is staged or untracked */
  }
  const excludeSpecs = exclude
    .map((d) => relative(top, d))
    .filter((r) => r && !r.startsWith('..') && !isAbsolute(r))
    .map((r) => `:(exclude)${r}`);
  const specs = ['--', '.', `:(exclude)${CACHE_FOLDER_NAME}`, ...excludeSpecs];
  // Tracked files changed since the commit (staged or not), by name, then hashed from the working tree.
  const changed =
    commit === 'none'
      ? git(top, ['ls-files', '--cached', '-z', ...specs])
      : git(top, ['diff', '--name-only', '-z', 'HEAD', ...specs]);
  const untracked = git(top, ['ls-files', '--others', '--exclude-standard', '-z', ...specs]);
  const files = [...changed.split('\0'), ...untracked.split('\0')]
    .filter(Boolean)
    .filter((f) => !isOwnFile(join(top, f), exclude));
  return {
    state: sha256(`${commit}\n${hashFiles(top, [...new Set(files)])}`),
    how: 'git',
    files: files.length,
  };
}

/** Outside git: every file under cwd (not node_modules, .git or ours), plus files the command names by path. */
function filesState(cwd: string, command: string | undefined, exclude: string[]): CheckoutState {
  const files: string[] = [];
  let bytes = 0;
  const walk = (dir: string): string | undefined => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return undefined;
    }
    for (const e of entries) {
      const abs = join(dir, e.name);
      if (e.isDirectory()) {
        if (SKIP_DIRS.has(e.name) || isOwnFile(abs, exclude)) continue;
        const why = walk(abs);
        if (why) return why;
      } else if (e.isFile()) {
        if (isOwnFile(abs, exclude)) continue;
        files.push(relative(cwd, abs));
        bytes += statSync(abs).size;
        if (files.length > MAX_FILES || bytes > MAX_BYTES)
          return `${cwd} is not a git checkout and holds more than ${MAX_FILES} files or ${MAX_BYTES >> 20} MB`;
      }
    }
    return undefined;
  };
  const why = walk(cwd);
  if (why) return { state: null, reason: why, how: 'none', files: files.length };
  // `node /elsewhere/agent.js`: a script outside cwd that the command names.
  for (const word of (command ?? '').split(/\s+/)) {
    const w = word.replace(/^['"]|['"]$/g, '');
    if (!w || w.startsWith('-')) continue;
    const abs = resolve(cwd, w);
    const rel = relative(cwd, abs);
    if ((rel.startsWith('..') || isAbsolute(rel)) && existsSync(abs) && statSync(abs).isFile())
      files.push(abs);
  }
  return { state: hashFiles(cwd, files), how: 'files', files: files.length };
}

/**
 * What a command agent's behaviour depends on in its checkout, for the response cache and the checkpoint: two
 * runs of an unchanged checkout get the same state, whatever safety-gate wrote between them.
 */
export function checkoutState(cwd: string, o: { command?: string; exclude?: string[] } = {}): CheckoutState {
  const exclude = (o.exclude ?? []).map((p) => resolve(p));
  return gitState(cwd, exclude) ?? filesState(cwd, o.command, exclude);
}
