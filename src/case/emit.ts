import { stringify } from 'yaml';
import type { RegressionCase } from './schema.js';
import { sha256 } from '../util/hash.js';

/**
 * Cases written by the tool (replay, promote) as one YAML list, in the field order people write cases in, under
 * a comment saying where they came from. Meant to be reviewed and committed: the yaml library quotes whatever
 * the logs or the model produced.
 */
export function casesYaml(cases: RegressionCase[], header: string[]): string {
  const comment = header.map((l) => `# ${l.replace(/[\r\n]+/g, ' ')}\n`).join('');
  const ordered = cases.map((c) => ({
    id: c.id,
    title: c.title,
    category: c.category,
    severity: c.severity,
    tags: c.tags,
    ...(c.system !== undefined ? { system: c.system } : {}),
    ...(c.canaries.length ? { canaries: c.canaries } : {}),
    tools: c.tools,
    turns: c.turns,
    expect: c.expect,
  }));
  // No anchors or aliases (&a1 / *a1) for repeated values: a case file is read by people, one case at a time.
  return comment + stringify(ordered, { lineWidth: 0, aliasDuplicateObjects: false });
}

const STAMP = /^# safety-gate wrote this file: sha256 ([0-9a-f]{64})[^\n]*\n/;
// Line endings are left out: a checkout with autocrlf is not an edit.
const digest = (text: string) => sha256(text.replace(/\r\n/g, '\n')).slice(7);

/** A first line holding the hash of the rest: how a rerun tells the file it wrote from one a person has edited. */
export function stampEmitted(text: string): string {
  return `# safety-gate wrote this file: sha256 ${digest(text)} (edit it and replay will not overwrite it)\n${text}`;
}

/** Whether `text` is still exactly what the tool wrote; false for an edited file or one it never wrote. */
export function unchangedSinceEmitted(text: string): boolean {
  const m = STAMP.exec(text.replace(/\r\n/g, '\n'));
  return m !== null && digest(text.replace(/\r\n/g, '\n').slice(m[0].length)) === m[1];
}
