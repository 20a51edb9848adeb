import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { W as MonitorLineSchema, X as TrafficLineSchema, Y as IncidentSchema, Z as PolicyOverrideSchema, T as TargetSchema, R as ResultsSchema, _ as RulePackSchema, a as CaseFileSchema, c as ConfigSchema, $ as toJSONSchema } from './traffic.js';

/** Every file kind a user writes or reads, as JSON Schema for editors (yaml-language-server, VS Code). */
const FILE_SCHEMAS = {
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
/** What each file is, for the schema's own title and description (editors show them on hover). */
const ABOUT = {
    config: 'Project config (.safety-gate.yml): suite, rules, target, samples, policy, sign-off lists.',
    case: 'Regression case(s): one case, or a list of cases, per file.',
    'rule-pack': 'Rule pack: rules that grade a trajectory turn by turn.',
    results: 'Results file: what a run produced; also the import format for other harnesses.',
    target: 'Target file: how to reach the agent under test.',
    policy: 'Failure budget overrides (policy file or the config `policy` key).',
    incident: 'Incident: a production conversation to replay, with its context.',
    'traffic-line': 'One line of a JSONL traffic log: a conversation.',
    'monitor-traffic-line': 'One line of a control or canary traffic log for `safety-gate monitor`: a conversation, its timestamp and labels.',
};
/** `$id` of a file kind's schema: stable, versioned, independent of where the package is installed. */
const schemaId = (name) => `urn:agentic-safety-gate:schema:${name}:1`;
/** The JSON Schema of one file kind, with `$id`, title and description. */
function fileSchema(name) {
    const schema = FILE_SCHEMAS[name];
    if (!schema)
        throw new Error(`no schema named ${name}`);
    const json = toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
    return {
        $schema: json.$schema,
        $id: schemaId(name),
        title: `agentic-safety-gate ${name}`,
        description: ABOUT[name],
        ...json,
    };
}
/** Writes every file kind's schema as DIR/<kind>.schema.json (the package ships them in schemas/). */
function exportSchemas(dir) {
    mkdirSync(dir, { recursive: true });
    return Object.keys(FILE_SCHEMAS).map((name) => {
        const file = join(dir, `${name}.schema.json`);
        writeFileSync(file, JSON.stringify(fileSchema(name), null, 2) + '\n');
        return file;
    });
}

export { FILE_SCHEMAS as F, exportSchemas as e };
