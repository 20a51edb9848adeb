import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import { readStructured } from '../input/document.js';
import { InputError, problemsFromZod } from '../input/errors.js';
import { displayPath } from '../input/sources.js';
import { ConfigSchema, type ProjectConfig } from './schema.js';

export interface LoadedConfig {
  config: ProjectConfig;
  /** The config file, or undefined when defaults were used. */
  file?: string;
  /** Folder that relative paths in the config are resolved against. */
  baseDir: string;
}

export const DEFAULT_CONFIG_FILE = '.safety-gate.yml';

/** Loads `file`, or `.safety-gate.yml` in `cwd` when present, or the defaults. */
export function loadConfig(file: string | undefined, cwd = process.cwd()): LoadedConfig {
  const path = file ? resolve(cwd, file) : resolve(cwd, DEFAULT_CONFIG_FILE);
  if (!file && !existsSync(path)) return { config: ConfigSchema.parse({}), baseDir: cwd };
  const doc = readStructured(path);
  const parsed = ConfigSchema.safeParse(doc.data ?? {});
  if (!parsed.success)
    throw new InputError(problemsFromZod(displayPath(path), parsed.error as z.ZodError, doc.locate));
  return { config: parsed.data, file: path, baseDir: dirname(path) };
}
