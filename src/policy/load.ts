import type { z } from 'zod';
import { readStructured } from '../input/document.js';
import { InputError, problemsFromZod } from '../input/errors.js';
import { displayPath } from '../input/sources.js';
import { builtinPath } from '../util/paths.js';
import { canonicalJson, sha256 } from '../util/hash.js';
import { PolicyOverrideSchema, PolicySchema, type AppliedPolicy, type Policy } from './schema.js';

export type { AppliedPolicy };

function readPolicyFile<T extends z.ZodType>(file: string, schema: T): z.infer<T> {
  const doc = readStructured(file);
  const parsed = schema.safeParse(doc.data ?? {});
  if (!parsed.success)
    throw new InputError(problemsFromZod(displayPath(file), parsed.error as z.ZodError, doc.locate));
  return parsed.data;
}

export function defaultPolicy(): Policy {
  return readPolicyFile(builtinPath('policy.yml'), PolicySchema);
}

/** Defaults from rules/policy.yml, then the config's `policy`, then a `--policy` file: later layers win per key. */
export function applyPolicy(
  configPolicy?: Partial<Policy>,
  policyFile?: string,
  configSource = 'config',
): AppliedPolicy {
  const sources = ['builtin:policy'];
  let policy: Policy = defaultPolicy();
  const merge = (over: Partial<Policy>) => {
    policy = {
      ...policy,
      ...over,
      maxFailureRate: { ...policy.maxFailureRate, ...(over.maxFailureRate ?? {}) },
    };
  };
  if (configPolicy && Object.keys(configPolicy).length) {
    merge(configPolicy);
    sources.push(configSource);
  }
  if (policyFile) {
    merge(readPolicyFile(policyFile, PolicyOverrideSchema));
    sources.push(displayPath(policyFile));
  }
  return { policy, hash: sha256(canonicalJson(policy)), sources };
}
