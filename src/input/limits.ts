import { statSync } from 'node:fs';
import { InputError } from './errors.js';
import { displayPath } from './sources.js';

const MIB = 1 << 20;

/**
 * Results files are parsed whole and a traffic line is read whole, so a file past V8's largest string (just under
 * 512 MiB) crashes the read instead of failing it: 500 MiB stays below that, and is far beyond real suites.
 */
export const DEFAULT_MAX_INPUT_MIB = 500;
export const MAX_INPUT_ENV = 'SAFETY_GATE_MAX_INPUT_MIB';

/** The cap in bytes: SAFETY_GATE_MAX_INPUT_MIB when it is a whole number >= 1, else the default. */
export function maxInputBytes(env: NodeJS.ProcessEnv = process.env): number {
  const set = Number(env[MAX_INPUT_ENV]);
  return (Number.isInteger(set) && set >= 1 ? set : DEFAULT_MAX_INPUT_MIB) * MIB;
}

const size = (bytes: number) =>
  bytes >= MIB ? `${(bytes / MIB).toFixed(1).replace(/\.0$/, '')} MiB` : `${bytes} bytes`;

/**
 * Checked before a results file or traffic log is read: a huge file is an error naming it, its size and the limit,
 * never an out-of-memory abort. A file that cannot be stat'ed is left to the read, which names the error.
 */
export function assertInputSize(file: string, what: string, limit = maxInputBytes()): void {
  const st = statSync(file, { throwIfNoEntry: false });
  if (!st?.isFile() || st.size <= limit) return;
  throw InputError.one(
    displayPath(file),
    '',
    `${what} is ${size(st.size)} (${st.size} bytes), over the ${size(limit)} limit: split it, or raise ${MAX_INPUT_ENV}`,
  );
}
