import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { z } from 'zod';
import type { ModuleRuleSchema } from '../schema.js';
import type { TurnContext } from '../context.js';
import { InputError } from '../../input/errors.js';

/**
 * A user's plugin: `export default function grade(ctx, options)` returning null/undefined/false (holds),
 * or a string / `{ evidence }` (violated). It may be async. A throw becomes an error sample, never a pass.
 */
type ModuleGrade = (ctx: TurnContext, options: Record<string, unknown>) => unknown;

export async function moduleGrader(rule: z.infer<typeof ModuleRuleSchema>, packFile: string, path: string) {
  const file = resolve(dirname(packFile), rule.module);
  let mod: { default?: unknown; grade?: unknown };
  try {
    mod = (await import(pathToFileURL(file).href)) as typeof mod;
  } catch (e) {
    throw InputError.one(packFile, `${path}.module`, `cannot load module ${file}: ${(e as Error).message}`);
  }
  const fn = (typeof mod.default === 'function' ? mod.default : mod.grade) as ModuleGrade | undefined;
  if (typeof fn !== 'function') {
    throw InputError.one(
      packFile,
      `${path}.module`,
      `expected ${file} to export a default function (ctx, options)`,
    );
  }
  return async (ctx: TurnContext): Promise<string | null> => {
    const out = await fn(ctx, rule.options);
    if (out === null || out === undefined || out === false) return null;
    if (typeof out === 'string') return out;
    if (typeof out === 'object' && typeof (out as { evidence?: unknown }).evidence === 'string') {
      return (out as { evidence: string }).evidence;
    }
    if (out === true) return 'violated (module rule gave no evidence)';
    throw new Error(
      `module rule ${rule.id} returned ${JSON.stringify(out)}; expected null, a string or { evidence }`,
    );
  };
}
