import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigSchema } from '../config/schema.js';
import { CaseFileSchema } from '../case/schema.js';
import { RulePackSchema } from '../rule/schema.js';
import { ResultsSchema } from '../results/schema.js';
import { TargetSchema } from '../target/schema.js';
import { PolicyOverrideSchema } from '../policy/schema.js';
import { IncidentSchema, TrafficLineSchema } from '../incident/schema.js';
import { MonitorLineSchema } from '../monitor/traffic.js';

/** Every file kind a user writes or reads, as JSON Schema for editors (yaml-language-server, VS Code). */
export const FILE_SCHEMAS: Record<string, z.ZodType> = {
  config: ConfigSchema,
  case: CaseFileSchema,
  'rule-pack': RulePackSchema,
  results: ResultsSchema,
  target: TargetSchema,
  policy: PolicyOverrideSchema,
  incident: IncidentSchema,
  'traffic-line': TrafficLineSchema,
  'monitor-traffic-line': MonitorLineSchema,
};

export function exportSchemas(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(FILE_SCHEMAS).map(([name, schema]) => {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
    const file = join(dir, `${name}.schema.json`);
    writeFileSync(file, JSON.stringify({ title: `agentic-safety-gate ${name}`, ...json }, null, 2) + '\n');
    return file;
  });
}
