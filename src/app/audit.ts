import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readAudit, verifyText, type AuditRecord, type Verification } from '../audit/log.js';
import { displayPath } from '../input/sources.js';
import { ExitError } from './errors.js';

function read(file: string): string {
  const path = resolve(file);
  if (!existsSync(path)) throw new ExitError(`${displayPath(path)}: no such audit log`);
  return readFileSync(path, 'utf8');
}

/** `audit verify LOG`: the chain holds, or the first record that does not, and why. */
export function verifyAudit(file: string): Verification & { file: string } {
  return { ...verifyText(read(file)), file: displayPath(resolve(file)) };
}

/** `audit show LOG`: the records, after the chain verifies (a broken log is an error naming the record). */
export function showAudit(file: string): AuditRecord[] {
  const text = read(file);
  const v = verifyText(text);
  if (!v.ok) throw new ExitError(`${displayPath(resolve(file))}: the audit log is broken: ${v.problem}`);
  return readAudit(text);
}
