import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
