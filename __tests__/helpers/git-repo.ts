import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface Repo {
  dir: string;
  commit(files: Record<string, string>, message: string): string;
  /** Checks out a commit (detached), as actions/checkout does with a `ref`. */
  checkout(sha: string): void;
}

/** A real git repository in a temp folder. */
export function makeRepo(): Repo {
  const dir = mkdtempSync(join(tmpdir(), 'sg-repo-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.com');
  git('config', 'user.name', 'Test');
  git('config', 'commit.gpgsign', 'false');
  return {
    dir,
    commit(files, message) {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      git('add', '-A');
      git('commit', '-q', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    checkout(sha) {
      git('checkout', '-q', '--detach', sha);
    },
  };
}
