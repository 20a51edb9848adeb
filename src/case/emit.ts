import { stringify } from 'yaml';
import type { RegressionCase } from './schema.js';

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
