import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { InputError, problemsFromZod } from '../config/errors.js';
import { displayPath } from '../config/sources.js';
import { ResultsSchema, type ResultsFile } from './schema.js';

/** Reads and validates a results file; errors name the file and the path inside it. */
export function readResults(file: string): ResultsFile {
  const name = displayPath(file);
  let data: unknown;
  try {
    // Results files can be large: JSON.parse is an order of magnitude faster than a YAML parser here.
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw InputError.one(
      name,
      '',
      err.code ? `cannot read results file: ${err.code}` : `not valid JSON: ${err.message}`,
    );
  }
  const parsed = ResultsSchema.safeParse(data);
  if (!parsed.success)
    throw new InputError(problemsFromZod(name, parsed.error as z.ZodError, () => undefined).slice(0, 50));
  const seen = new Set<string>();
  for (const [i, c] of parsed.data.cases.entries()) {
    if (seen.has(c.id)) throw InputError.one(name, `cases[${i}].id`, `duplicate case id "${c.id}"`);
    seen.add(c.id);
  }
  return parsed.data;
}

export function writeJson(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value, null, 1) + '\n');
}
