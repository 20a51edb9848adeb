import { stringify } from 'yaml';
import type { RegressionCase } from '../case/schema.js';

/**
 * The emitted cases as one YAML list, in the field order people write cases in, with a header that says where
 * they came from. Meant to be reviewed and committed: the yaml library quotes whatever the logs contained.
 */
export function casesYaml(
  cases: RegressionCase[],
  source: { incident: string; file: string; at: string },
): string {
  const header = [
    `# Regression cases from incident ${source.incident} (${source.file}), written by safety-gate replay at ${source.at}.`,
    '# Review before committing: tool results and user turns are as logged, secrets replaced by same-shape fakes.',
    '',
  ].join('\n');
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
  return header + stringify(ordered, { lineWidth: 0 });
}
