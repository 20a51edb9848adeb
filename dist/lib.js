export { aS as CallError, aT as CaseFileSchema, aU as CaseSchema, aV as ConfigSchema, aW as DEFAULT_CONFIG_FILE, G as GateFileSchema, I as InputError, aX as ResultsSchema, aP as SUMMARY_LIMIT, aY as SimAgent, av as StressFileSchema, aZ as TargetSchema, a_ as TargetUnusableError, k as analyseIncident, j as applyPolicy, a$ as byConcern, b0 as caseChange, b1 as checkoutState, b2 as collectRules, aa as compare, n as createTarget, b3 as defaultPolicy, b4 as droppedCases, S as exitCodeFor, b5 as failingCases, b6 as fatalCause, b7 as isOwnFile, b8 as isResultsData, as as loadCases, h as loadConfig, i as loadIncident, l as loadProject, b9 as loadRules, z as mergeResults, ba as parseTargetArg, at as promote, u as readResults, L as readTraffic, bb as renderHtml, bc as renderJunit, bd as renderSummary, an as replayIncident, af as resultsFromData, aj as runGate, ad as runSuite, be as sortByConcern, aq as stressSearch, H as withGovernance, A as writeJson, ao as writeReplay, y as writeReports } from './chunks/schema.js';
export { F as FILE_SCHEMAS, R as ReplayFileSchema, e as exportSchemas } from './chunks/export.js';
import 'node:fs';
import 'node:path';
import 'fs';
import 'path';
import 'zlib';
import 'crypto';
import 'node:zlib';
import 'node:crypto';
import 'node:url';
import 'node:child_process';
import 'node:readline';
import 'process';
import 'buffer';
import 'node:events';
import 'node:http';
import 'node:https';
import 'url';
import 'module';
import 'node:os';

/** Retry bookkeeping differs between samples that failed the same way; it is not part of what broke. */
const normalise = (m) => m
    .replace(/ \(gave up after \d+ attempts?\)/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
/**
 * What went wrong on one side, grouped: "HTTP 401: Incorrect API key" ×135 rather than 135 lines. Any non-null
 * `error` is an error (SPEC §3.4), even "".
 */
function summariseErrors(results, max = 5) {
    const groups = new Map();
    let samples = 0;
    let errors = 0;
    for (const c of results.cases) {
        for (const s of c.samples) {
            samples++;
            if (s.error === null || s.error === undefined)
                continue;
            errors++;
            const message = normalise(s.error) || '(empty error)';
            const g = groups.get(message) ?? {
                message,
                count: 0,
                cases: [],
                caseCount: 0,
                first: groups.size,
                all: new Set(),
            };
            g.count++;
            g.all.add(c.id);
            g.caseCount = g.all.size;
            if (g.cases.length < 5 && !g.cases.includes(c.id))
                g.cases.push(c.id);
            groups.set(message, g);
        }
    }
    const sorted = [...groups.values()].sort((a, b) => b.count - a.count || a.first - b.first);
    return {
        samples,
        errors,
        valid: samples - errors,
        distinct: sorted
            .slice(0, max)
            .map(({ message, count, cases, caseCount }) => ({ message, count, cases, caseCount })),
        more: Math.max(0, sorted.length - max),
    };
}
/** A side with no valid sample at all (every sample an error, or none run): nothing about it can be compared. */
function sideUnusable(results) {
    return summariseErrors(results, 0).valid === 0;
}
/** The summary as lines for a terminal or a log: "  135× HTTP 401: Incorrect API key (cases a, b, c)". */
function formatErrorSummary(s, label) {
    const head = `${label ? `${label}: ` : ''}${s.errors} of ${s.samples} sample${s.samples === 1 ? '' : 's'} ended in an error${s.valid === 0 ? ' (no valid sample)' : ''}`;
    const lines = s.distinct.map((g) => `  ${g.count}× ${g.message}${g.cases.length ? ` (${g.cases.join(', ')}${g.caseCount > g.cases.length ? ` and ${g.caseCount - g.cases.length} more` : ''})` : ''}`);
    if (s.more)
        lines.push(`  … and ${s.more} other distinct error${s.more === 1 ? '' : 's'}`);
    return [head, ...lines].join('\n');
}

export { formatErrorSummary, sideUnusable, summariseErrors };
