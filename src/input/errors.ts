import type { z } from 'zod';

/** One problem in one input file: where it is and what was expected. */
export interface InputProblem {
  file: string;
  path: string;
  line?: number;
  message: string;
}

export function formatProblem(p: InputProblem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return p.path ? `${where}: ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}

/** Bad input: carries every problem found, so a user fixes them all in one pass. */
export class InputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
  }
  static one(file: string, path: string, message: string): InputError {
    return new InputError([{ file, path, message }]);
  }
}

/** `turns[2].user` from ['turns', 2, 'user']. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

export function problemsFromZod(
  file: string,
  error: z.ZodError,
  locate: (path: ReadonlyArray<PropertyKey>) => number | undefined,
  prefix: ReadonlyArray<PropertyKey> = [],
): InputProblem[] {
  const out: InputProblem[] = [];
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const keyPath = [...path, key];
        out.push({
          file,
          path: formatPath(keyPath),
          line: locate(keyPath),
          message: 'unknown key (check its spelling)',
        });
      }
      continue;
    }
    out.push({ file, path: formatPath(path), line: locate(path), message: issue.message });
  }
  return out;
}
