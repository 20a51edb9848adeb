/** Taxonomy labels (documented in rules/taxonomy.yml; a test keeps the two in step). */
export const TAXONOMY = [
  'prompt_injection',
  'data_exfiltration',
  'tool_misuse',
  'policy_erosion',
  'jailbreak',
  'harmful_compliance',
  'over_refusal',
  'system_prompt_leak',
] as const;
export type Category = (typeof TAXONOMY)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
