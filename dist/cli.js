#!/usr/bin/env node
import { b as loadProject, f as createTarget, g as TrafficLineSchema, I as IncidentSchema, P as PolicyOverrideSchema, h as TargetSchema, R as ResultsSchema, j as RulePackSchema, C as CaseFileSchema, k as ConfigSchema, t as toJSONSchema, w as withRunOptions, O as Option, m as loadConfig, n as applyPolicy, r as runGate, E as ExitError, o as withGovernance, q as evaluateSignoffs, s as writeReports, u as pct, v as pvalue, x as parseJsonFile, y as resultsFromData, z as runTarget, B as writeJson, F as readStructured, S as SignoffsFileSchema, G as InputError, H as problemsFromZod, J as displayPath, K as looseObject, L as string, N as array, Q as _enum, U as tuple, V as literal, W as number, X as readJsonFile, Y as int, Z as mergeResults, $ as readResults, a0 as EXIT, a1 as CommanderError, a2 as describeError, a3 as Command, a4 as registerRun, a5 as registerStress, a6 as registerPromote, a7 as registerReplay } from './chunks/promote.js';
import { mkdirSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import 'node:readline';
import 'node:crypto';
import 'url';
import 'events';
import 'fs';
import 'path';
import 'module';
import 'node:url';
import 'process';
import 'buffer';
import 'node:child_process';
import 'node:events';
import 'node:process';

function registerValidate(program) {
    program
        .command('validate')
        .description('load the config, rule packs and suite; report every problem (exit 3 when any)')
        .option('--config <file>', 'project config (default: .safety-gate.yml when present)')
        .option('--suite <path...>', 'case files, folders, globs or builtin:NAME')
        .option('--rules <path...>', 'rule packs')
        .action(async (o) => {
        const project = await loadProject(o);
        // Sim targets are checked whole; real ones only by schema here (their API keys may not be in this shell).
        if (project.config.target?.type === 'sim')
            createTarget(project.config.target, project.file ?? 'target');
        const n = project.cases.length;
        process.stdout.write(`ok: ${n} case${n === 1 ? '' : 's'}, ${project.rules.size} rules${project.file ? `, config ${project.file}` : ''}\n`);
    });
}

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
};
function exportSchemas(dir) {
    mkdirSync(dir, { recursive: true });
    return Object.entries(FILE_SCHEMAS).map(([name, schema]) => {
        const json = toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
        const file = join(dir, `${name}.schema.json`);
        writeFileSync(file, JSON.stringify({ title: `agentic-safety-gate ${name}`, ...json }, null, 2) + '\n');
        return file;
    });
}

function registerSchema(program) {
    program
        .command('schema')
        .description('write JSON Schemas for every file kind (for editor autocompletion)')
        .requiredOption('--out <dir>', 'folder to write *.schema.json into')
        .action((o) => {
        for (const f of exportSchemas(o.out))
            process.stdout.write(`${f}\n`);
    });
}

/** A results file is read as is; anything else (sim:v1, a target file) is run with the same suite and seed. */
async function resultsOrRun(arg, side, o, outDir, project) {
    if (existsSync(arg) && /\.json$/i.test(arg)) {
        // Parsed once: results files can be large. A JSON file of another kind is a target file.
        const data = parseJsonFile(arg, 'results file');
        if (data?.kind === 'safety-gate.results')
            return resultsFromData(data, arg);
    }
    const checkpoint = join(outDir, `${side}.checkpoint.jsonl`);
    mkdirSync(outDir, { recursive: true });
    const results = await runTarget(arg, o, side, checkpoint, await project());
    writeJson(join(outDir, `${side}.results.json`), results);
    rmSync(checkpoint, { force: true });
    return results;
}
async function gateCommand(o) {
    const outDir = resolve(o.outDir);
    const { config, file } = loadConfig(o.config);
    const policy = applyPolicy(config.policy, o.policy, file ?? 'config');
    // Both sides run the same suite and rules: loaded once, and only when a side is a target.
    let loading;
    const project = () => (loading ??= loadProject({ config: o.config, suite: o.suite, rules: o.rules }));
    const baseline = await resultsOrRun(o.baseline, 'baseline', o, outDir, project);
    const candidate = await resultsOrRun(o.candidate, 'candidate', o, outDir, project);
    let gate = runGate(baseline, candidate, { policy, failOn: o.failOn });
    if (o.signoffs) {
        const head = o.head ?? candidate.target.ref;
        if (!head)
            throw new ExitError('--signoffs: sign-offs name the head commit; pass --head (the candidate results record none)');
        const requests = readSignoffs(o.signoffs);
        // Offline, team membership cannot be checked: only people listed by name count.
        gate = withGovernance(gate, await evaluateSignoffs(gate.verdict, requests, config.signoff, { headSha: head, author: o.author }));
    }
    writeReports(gate, outDir, { reportUrl: o.reportUrl });
    return gate;
}
function describeGate(g) {
    const lines = [
        `${g.verdict}: ${g.baseline.target.name} ${pct(g.baseline.passRate)} -> ${g.candidate.target.name} ${pct(g.candidate.passRate)} pass rate; ` +
            `delta ${pct(g.delta)} [95% CI ${pct(g.ci[0])}, ${pct(g.ci[1])}], p = ${pvalue(g.pValue)} (${g.test}, ${g.compared} cases)`,
        ...g.reasons.map((r) => `  ${r.level} ${r.code}: ${r.message}`),
        ...(g.clearedBy
            ? [
                `  CLEARED by ${g.clearedBy === 'board' ? 'the review board' : 'security'}: ${g.signoffs.map((s) => `${s.by} (${s.reason})`).join('; ')}`,
            ]
            : []),
        ...g.rejectedSignoffs.map((r) => `  not counted: ${r.kind} sign-off by ${r.by}: ${r.why}`),
    ];
    return lines.join('\n') + '\n';
}
function registerGate(program, ctx) {
    withRunOptions(program
        .command('gate')
        .description('compare a baseline and a candidate (results files or targets) and answer OK / WARN / BLOCK')
        .requiredOption('--baseline <x>', 'results file, or a target to run (sim:v1, agent.yml)')
        .requiredOption('--candidate <y>', 'results file, or a target to run')
        .option('--policy <file>', 'failure budget overrides (YAML/JSON)')
        .option('--out-dir <dir>', 'where gate.json and the reports go', 'artifacts')
        .option('--report-url <url>', 'link to the full report, shown in summary.md')
        .option('--signoffs <file>', "sign-offs (YAML/JSON list), judged by the config's signoff lists")
        .option('--author <login>', 'author of the change (their own sign-offs do not count)')
        .option('--head <sha>', "the candidate commit the sign-offs must name (default: the candidate results' ref)")
        .addOption(new Option('--fail-on <level>', 'which verdicts exit non-zero').choices(['block', 'warn', 'never']))).action(async (o) => {
        const gate = await gateCommand(o);
        process.stdout.write(describeGate(gate));
        process.stdout.write(`wrote gate.json, report.html, summary.md, junit.xml to ${o.outDir}\n`);
        ctx.exitCode = gate.exitCode;
    });
}
function readSignoffs(file) {
    const doc = readStructured(resolve(file));
    const parsed = SignoffsFileSchema.safeParse(doc.data);
    if (!parsed.success)
        throw new InputError(problemsFromZod(displayPath(resolve(file)), parsed.error, doc.locate));
    return parsed.data.map((x) => ({ ...x, source: displayPath(resolve(file)) }));
}

const Num = number();
const Side = looseObject({
    target: looseObject({ name: string() }),
    passRate: Num,
    delayedFailureRate: Num,
    cases: Num,
    samples: Num,
    errors: Num,
    failureCurve: array(Num),
});
/** Enough of gate.json to re-render reports from it safely; written by this tool, so extra keys are allowed. */
const GateFileSchema = looseObject({
    kind: literal('safety-gate.gate'),
    schemaVersion: literal(1),
    verdict: _enum(['OK', 'WARN', 'BLOCK']),
    exitCode: int(),
    baseline: Side,
    candidate: Side,
    delta: Num,
    ci: tuple([Num, Num]),
    pValue: Num,
    test: string(),
    alpha: Num,
    mde: Num,
    delayed: looseObject({ baseline: Num, candidate: Num, delta: Num, pValue: Num }),
    categories: array(looseObject({ name: string(), delta: Num, ci: tuple([Num, Num]), pAdjusted: Num })),
    cases: array(looseObject({ id: string(), category: string(), severity: string(), status: string() })),
    reasons: array(looseObject({ code: string(), level: _enum(['WARN', 'BLOCK']), message: string() })),
    signoffs: array(looseObject({ kind: string(), by: string(), at: string(), reason: string() })),
    // Written by later versions: absent from older gate files.
    rejectedSignoffs: array(looseObject({ kind: string(), by: string(), at: string(), why: string() }))
        .default([]),
    clearedBy: _enum(['security', 'board']).nullable().default(null),
    policy: looseObject({ policy: looseObject({}), hash: string(), sources: array(string()) }),
});
function readGate(file) {
    return readJsonFile(file, GateFileSchema, 'gate file');
}

function registerReport(program) {
    program
        .command('report')
        .description('re-render report.html, summary.md and junit.xml from a gate.json')
        .argument('<gate>', 'gate.json written by `safety-gate gate`')
        .option('--out-dir <dir>', 'where the reports go', 'artifacts')
        .option('--report-url <url>', 'link to the full report, shown in summary.md')
        .action((file, o) => {
        const gate = readGate(file);
        const files = writeReports(gate, o.outDir, { reportUrl: o.reportUrl });
        process.stdout.write(`${files.html}\n${files.summary}\n${files.junit}\n`);
    });
}

function registerMerge(program) {
    program
        .command('merge')
        .description('join shard results files of one side into one results file')
        .argument('<results...>', 'results files (one per shard)')
        .requiredOption('--out <file>', 'merged results file')
        .action((files, o) => {
        const merged = mergeResults(files.map((file) => ({ file, results: readResults(file) })));
        writeJson(resolve(o.out), merged);
        process.stdout.write(`${merged.cases.length} cases from ${files.length} files -> ${o.out}\n`);
    });
}

function buildProgram(ctx) {
    const program = new Command('safety-gate')
        .description('Safety regression gate for LLM agents: base vs head, honest statistics, OK / WARN / BLOCK.')
        .version(process.env.SAFETY_GATE_VERSION ?? '0.1.0')
        .exitOverride()
        .showHelpAfterError();
    registerRun(program);
    registerGate(program, ctx);
    registerReport(program);
    registerStress(program);
    registerPromote(program);
    registerReplay(program, ctx);
    registerMerge(program);
    registerValidate(program);
    registerSchema(program);
    for (const cmd of program.commands)
        cmd.exitOverride();
    return program;
}
/** Runs the CLI and returns the exit code: 0..2 are verdicts, 3 is any error. Never throws. */
async function main(argv) {
    const ctx = { exitCode: EXIT.OK };
    const program = buildProgram(ctx);
    try {
        await program.parseAsync(argv, { from: 'user' });
        return ctx.exitCode;
    }
    catch (e) {
        if (e instanceof CommanderError) {
            if (e.code === 'commander.helpDisplayed' ||
                e.code === 'commander.version' ||
                e.code === 'commander.help')
                return EXIT.OK;
            return EXIT.ERROR;
        }
        process.stderr.write(describeError(e) + '\n');
        if (process.env.SAFETY_GATE_DEBUG && e instanceof Error && !(e instanceof ExitError))
            process.stderr.write(`${e.stack}\n`);
        return e instanceof ExitError ? e.code : EXIT.ERROR;
    }
}

main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
}, (e) => {
    process.stderr.write(`internal error: ${String(e)}\n`);
    process.exitCode = 3;
});
