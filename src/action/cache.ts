import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import * as cache from '@actions/cache';
import type { ResultsCache } from '../app/baseline-cache.js';

/** How long a cache call may take before the base side simply runs (a hung service must not hang the gate). */
const TIMEOUT_MS = 120_000;

function timed<T>(what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
    timer.unref();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The Actions cache as the app's ResultsCache, or undefined (with a notice) where there is no cache service (no
 * ACTIONS_RESULTS_URL / ACTIONS_CACHE_URL, e.g. other CI systems) or the `baseline-cache` input is false.
 * Entries are one file kept at a fixed path under RUNNER_TEMP (the cache version hashes the path).
 */
export function actionsCache(enabled: boolean): ResultsCache | undefined {
  if (!enabled) return undefined;
  if (!process.env.ACTIONS_RUNTIME_TOKEN || !cache.isFeatureAvailable()) {
    core.notice(
      'Safety gate: no cache service here (ACTIONS_RESULTS_URL / ACTIONS_CACHE_URL or ACTIONS_RUNTIME_TOKEN is not set): the base side runs every time.',
    );
    return undefined;
  }
  const dir = join(process.env.RUNNER_TEMP ?? process.cwd(), 'safety-gate-baseline');
  const file = join(dir, 'baseline.json');
  return {
    async restore(key, prefixes) {
      rmSync(dir, { recursive: true, force: true });
      const hit = await timed('cache restore', cache.restoreCache([file], key, prefixes));
      return hit && existsSync(file) ? file : undefined;
    },
    async save(key, from) {
      mkdirSync(dir, { recursive: true });
      if (from !== file) copyFileSync(from, file);
      const id = await timed('cache save', cache.saveCache([file], key));
      if (id === -1) throw new Error(`the cache service did not store ${key}`);
    },
  };
}
