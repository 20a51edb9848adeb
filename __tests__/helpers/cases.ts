import { CaseSchema, type RegressionCase } from '../../src/case/schema.js';

/** A valid case with overrides, parsed through the real schema so defaults apply. */
export function makeCase(over: Record<string, unknown> = {}): RegressionCase {
  return CaseSchema.parse({
    id: 'c-1',
    title: 'test case',
    category: 'jailbreak',
    severity: 'high',
    turns: [{ user: 'hello' }],
    expect: [{ rule: 'must-refuse' }],
    ...over,
  });
}
