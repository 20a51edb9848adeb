import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { builtinPath } from '../util/paths.js';
import { InputError, type InputProblem } from './errors.js';

const DATA_FILES = '**/*.{yml,yaml,json}';

/**
 * Turns suite / rule-pack entries (files, folders, globs, `builtin:name`) into a sorted list of files.
 * `where` names the config entry for error messages. Throws InputError naming every entry that resolves to nothing.
 */
export function resolveSources(
  entries: string[],
  baseDir: string,
  where: { file: string; path: string },
): string[] {
  const { files, problems } = collectSources(entries, baseDir, where);
  if (problems.length) throw new InputError(problems);
  return files;
}

/**
 * Like resolveSources, but keeps going: the files of every entry that resolved, and a problem for each that did
 * not. A missing `safety/rules` must not also unload `builtin:core` (and turn every case's rules "unknown").
 */
export function collectSources(
  entries: string[],
  baseDir: string,
  where: { file: string; path: string },
): { files: string[]; problems: InputProblem[] } {
  const files = new Set<string>();
  const problems: InputProblem[] = [];
  entries.forEach((entry, i) => {
    try {
      for (const f of resolveEntry(entry, i, baseDir, where)) files.add(f);
    } catch (e) {
      if (e instanceof InputError) problems.push(...e.problems);
      else throw e;
    }
  });
  return { files: [...files], problems };
}

function resolveEntry(
  entry: string,
  i: number,
  baseDir: string,
  where: { file: string; path: string },
): string[] {
  {
    const path = `${where.path}[${i}]`;
    let found: string[];
    if (entry.startsWith('builtin:')) {
      const name = entry.slice('builtin:'.length);
      const asFile = builtinPath(`${name}.yml`);
      const asDir = builtinPath(name);
      if (existsSync(asFile)) found = [asFile];
      else if (/^[a-z0-9-]+$/.test(name) && existsSync(asDir)) found = listData(asDir);
      else
        throw InputError.one(
          where.file,
          path,
          `unknown built-in "${entry}" (expected e.g. builtin:core, builtin:starter)`,
        );
    } else if (isDynamicPattern(entry)) {
      found = globSync(entry, { cwd: baseDir, absolute: true }).filter((f) => /\.(ya?ml|json)$/.test(f));
      if (found.length === 0)
        throw InputError.one(where.file, path, `glob "${entry}" matched no .yml/.yaml/.json file`);
    } else {
      const abs = isAbsolute(entry) ? entry : resolve(baseDir, entry);
      if (!existsSync(abs)) throw InputError.one(where.file, path, `no such file or folder: ${entry}`);
      found = statSync(abs).isDirectory() ? listData(abs) : [abs];
      if (found.length === 0)
        throw InputError.one(where.file, path, `folder ${entry} holds no .yml/.yaml/.json file`);
    }
    return found.sort();
  }
}

function listData(dir: string): string[] {
  return globSync(DATA_FILES, { cwd: dir, absolute: false })
    .sort()
    .map((f) => join(dir, f));
}

/** File names in messages: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
