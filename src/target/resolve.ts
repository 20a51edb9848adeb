import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { readStructured } from '../config/document.js';
import { InputError, problemsFromZod } from '../config/errors.js';
import { displayPath } from '../config/sources.js';
import { TargetSchema, type TargetSpec } from './schema.js';
import type { Target } from './types.js';
import { SimAgent } from './sim/agent.js';
import { SIM_PROFILES } from './sim/profiles.js';

/** `sim:v1` shorthand, a target file (YAML/JSON), or nothing (then the config's target). */
export function parseTargetArg(arg: string, cwd = process.cwd()): TargetSpec {
  const sim = /^sim:([A-Za-z0-9_-]+)$/.exec(arg);
  if (sim) return { type: 'sim', profile: sim[1] };
  const file = resolve(cwd, arg);
  if (!existsSync(file)) {
    throw InputError.one(
      arg,
      '',
      'expected a target: a shorthand like sim:v1, or a YAML/JSON target file that exists',
    );
  }
  const doc = readStructured(file);
  const parsed = TargetSchema.safeParse(doc.data);
  if (!parsed.success)
    throw new InputError(problemsFromZod(displayPath(file), parsed.error as z.ZodError, doc.locate));
  return parsed.data;
}

export function createTarget(spec: TargetSpec, where = 'target'): Target {
  switch (spec.type) {
    case 'sim':
      if (!SIM_PROFILES[spec.profile]) {
        throw InputError.one(
          where,
          'profile',
          `unknown sim profile "${spec.profile}" (expected one of ${Object.keys(SIM_PROFILES).join(', ')})`,
        );
      }
      return SimAgent.create(spec.profile, spec.params, spec.name);
  }
}
