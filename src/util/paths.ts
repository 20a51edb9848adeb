import { existsSync } from 'node:fs';
import { homedir, tmpdir, userInfo } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The folder holding `rules/`. Found by walking up from this module because the same code runs from
 * `src/util/` (tests), from the `dist/` bundle and from an installed package.
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'rules', 'taxonomy.yml'))) return (cached = dir);
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error('cannot locate the built-in rules/ folder next to agentic-safety-gate');
    dir = parent;
  }
}

export function builtinPath(...parts: string[]): string {
  return join(packageRoot(), 'rules', ...parts);
}

/**
 * The user's cache folder for this tool, outside any checkout: a pull request can commit files into its checkout,
 * never into this folder. XDG_CACHE_HOME first (also how tests keep their caches apart), then the platform's place.
 */
export function userCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  const name = 'agentic-safety-gate';
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, name);
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, name, 'Cache');
  const home = homedir();
  if (!home) return join(tmpdir(), `${name}-${userInfo().uid}`);
  return process.platform === 'darwin' ? join(home, 'Library', 'Caches', name) : join(home, '.cache', name);
}

/** Where responses are cached when neither the config nor the command line names a folder. */
export const defaultCacheDir = (env: NodeJS.ProcessEnv = process.env): string =>
  join(userCacheRoot(env), 'responses');
