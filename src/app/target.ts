import { resolve } from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import type { Target } from '../target/types.js';
import type { TargetSpec } from '../target/schema.js';
import { createTarget, parseTargetArg } from '../target/resolve.js';
import { ExitError } from './errors.js';
import { defaultCacheDir } from '../util/paths.js';

export interface CacheOptions {
  /** false: neither read nor write the response cache (the CLI's --no-cache). */
  cache?: boolean;
  /** A cache folder outside the checkout (the action keeps worktrees clean); `cache: false` in the config still wins. */
  cacheDir?: string;
}

/**
 * The one place a target is built with the project's config applied: the spec given (a target argument or a
 * parsed spec), else the config's, with the response cache unless the config or the caller turns it off.
 */
export function openTarget(
  target: string | TargetSpec | undefined,
  project: LoadedConfig,
  o: CacheOptions & { where?: string; cwd?: string } = {},
): Target {
  const spec = typeof target === 'string' ? parseTargetArg(target) : (target ?? project.config.target);
  if (!spec)
    throw new ExitError('no target: pass --target (e.g. sim:v1 or agent.yml) or set `target` in the config');
  const where = o.where ?? (typeof target === 'string' ? target : (project.file ?? 'target'));
  return createTarget(spec, where, {
    cwd: o.cwd ?? project.baseDir,
    cacheDir: o.cache === false ? undefined : responseCacheDir(project, o.cacheDir),
  });
}

/**
 * The folder given (command line, action), else the config's `cache`, else the user's cache folder: never a default
 * inside the checkout, where a pull request could commit answers for its own gate.
 */
export function responseCacheDir(project: LoadedConfig, given?: string): string | undefined {
  const setting = project.config.cache;
  if (setting === false) return undefined;
  if (given !== undefined) return resolve(given);
  return setting === undefined ? defaultCacheDir() : resolve(project.baseDir, setting);
}
