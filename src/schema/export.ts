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
import { MonitorLineSchema } from '../monitor/schema.js';
import { GateFileSchema } from '../verdict/schema.js';
import { ReplayFileSchema } from '../incident/replay-schema.js';
import { StressFileSchema } from '../stress/schema.js';

/**
 * Every file kind a user writes or reads, as JSON Schema for editors (yaml-language-server, VS Code), and the files
 * this tool writes and reads back (gate, replay, stress), for tools that consume them.
 */
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
  gate: GateFileSchema,
  replay: ReplayFileSchema,
  stress: StressFileSchema,
};

/** What each file is, for the schema's own title and description (editors show them on hover). */
const ABOUT: Record<string, string> = {
  config: 'Project config (.safety-gate.yml): suite, rules, target, samples, policy, sign-off lists.',
  case: 'Regression case(s): one case, or a list of cases, per file.',
  'rule-pack': 'Rule pack: rules that grade a trajectory turn by turn.',
  results: 'Results file: what a run produced; also the import format for other harnesses.',
  target: 'Target file: how to reach the agent under test.',
  policy: 'Failure budget overrides (policy file or the config `policy` key).',
  incident: 'Incident: a production conversation to replay, with its context.',
  'traffic-line': 'One line of a JSONL traffic log: a conversation.',
  'monitor-traffic-line':
    'One line of a control or canary traffic log for `safety-gate monitor`: a conversation, its timestamp and labels.',
  gate: 'Gate file (gate.json): the verdict, its reasons, the statistics behind it, sign-offs and the applied policy.',
  replay:
    'Replay file (replay.json): an incident replayed, its root cause, blast radius and the cases emitted.',
  stress: 'Stress file (stress --out, the input of promote): a red-teaming search and the failures it found.',
};

/** `$id` of a file kind's schema: stable, versioned, independent of where the package is installed. */
export const schemaId = (name: string): string => `urn:agentic-safety-gate:schema:${name}:1`;

/** The JSON Schema of one file kind, with `$id`, title and description. */
export function fileSchema(name: string): Record<string, unknown> {
  const schema = FILE_SCHEMAS[name];
  if (!schema) throw new Error(`no schema named ${name}`);
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return {
    $schema: json.$schema,
    $id: schemaId(name),
    title: `agentic-safety-gate ${name}`,
    description: ABOUT[name],
    ...json,
  };
}

/** Writes every file kind's schema as DIR/<kind>.schema.json (the package ships them in schemas/). */
export function exportSchemas(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.keys(FILE_SCHEMAS).map((name) => {
    const file = join(dir, `${name}.schema.json`);
    writeFileSync(file, JSON.stringify(fileSchema(name), null, 2) + '\n');
    return file;
  });
}
