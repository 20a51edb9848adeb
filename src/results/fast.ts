import { SEVERITIES } from '../case/taxonomy.js';
import type { ResultsFile } from './schema.js';

/*
 * A results file is mostly samples (20,000 cases x 5 per side is 100,000 of them), and zod copies every object it
 * validates: on that gate it cost ~0.3 s and doubled the memory. This checks the common shape in place, accepting
 * only what ResultsSchema accepts and returning what it would return; anything it is not sure of (an unknown key,
 * a wrong type, a value out of range) returns undefined, and the caller validates with zod, which gives the error
 * message. A test holds the two to the same answers on mutated files.
 */

const RESULTS_KEYS = new Set(['kind', 'schemaVersion', 'target', 'seed', 'createdAt', 'shard', 'cases']);
const CASE_KEYS = new Set(['id', 'title', 'category', 'severity', 'tags', 'file', 'line', 'samples']);
const SAMPLE_KEYS = new Set([
  'passed',
  'firstFailureTurn',
  'turns',
  'error',
  'violations',
  'transcript',
  'calls',
]);
const SEVERITY = new Set<string>(SEVERITIES);
const EMPTY_ERROR = 'error (the results file gave an empty message)';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const onlyKeys = (o: Obj, keys: Set<string>) => {
  for (const k in o) if (!keys.has(k)) return false;
  return true;
};
const optString = (v: unknown) => v === undefined || typeof v === 'string';
const intIn = (v: unknown, min: number, max = Number.MAX_SAFE_INTEGER) =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;

function violationsOk(v: unknown): boolean {
  if (v === undefined) return true;
  if (!Array.isArray(v)) return false;
  for (const x of v) {
    if (!isObj(x) || typeof x.rule !== 'string' || typeof x.evidence !== 'string' || !intIn(x.turn, 1))
      return false;
    for (const k in x) if (k !== 'rule' && k !== 'turn' && k !== 'evidence') return false;
  }
  return true;
}

function transcriptOk(v: unknown): boolean {
  if (v === undefined) return true;
  if (!Array.isArray(v)) return false;
  for (const x of v) if (!isObj(x) || typeof x.role !== 'string') return false;
  return true;
}

/** Checks one sample; normalises an empty error message as the schema's transform does. */
function sampleOk(s: unknown): boolean {
  if (!isObj(s) || !onlyKeys(s, SAMPLE_KEYS)) return false;
  if (typeof s.passed !== 'boolean') return false;
  const fft = s.firstFailureTurn;
  if (fft !== null && !intIn(fft, 1, 10_000)) return false;
  if (s.turns !== undefined && !intIn(s.turns, 0, 10_000)) return false;
  if (s.calls !== undefined && !intIn(s.calls, 0)) return false;
  let error = s.error;
  if (error !== undefined && error !== null && typeof error !== 'string') return false;
  if (!violationsOk(s.violations) || !transcriptOk(s.transcript)) return false;
  if (error === '') error = EMPTY_ERROR;
  // The schema's refinements, on the transformed error.
  if (s.passed && (error || fft !== null)) return false;
  if (!s.passed && !error && fft === null) return false;
  if (error !== s.error) s.error = error;
  return true;
}

function caseOk(c: unknown): boolean {
  if (!isObj(c) || !onlyKeys(c, CASE_KEYS)) return false;
  if (typeof c.id !== 'string' || !c.id || typeof c.category !== 'string' || !c.category) return false;
  if (typeof c.severity !== 'string' || !SEVERITY.has(c.severity)) return false;
  if (!optString(c.title) || !optString(c.file)) return false;
  if (c.line !== undefined && !intIn(c.line, Number.MIN_SAFE_INTEGER)) return false;
  if (c.tags !== undefined) {
    if (!Array.isArray(c.tags)) return false;
    // An indexed loop: every() skips the holes of a sparse array, which zod rejects.
    for (let i = 0; i < c.tags.length; i++) if (typeof c.tags[i] !== 'string') return false;
  }
  if (!Array.isArray(c.samples)) return false;
  for (const s of c.samples) if (!sampleOk(s)) return false;
  return true;
}

function targetOk(t: unknown): boolean {
  if (t === undefined) return true;
  if (!isObj(t) || typeof t.name !== 'string') return false;
  if (t.ref !== undefined && t.ref !== null && typeof t.ref !== 'string') return false;
  return optString(t.fingerprint) && (t.simulated === undefined || typeof t.simulated === 'boolean');
}

/**
 * `data` as ResultsSchema would parse it, checked in place (its samples' empty error messages normalised), or
 * undefined when zod has to decide. Defaults are filled in as the schema's are.
 */
export function fastResults(data: unknown): ResultsFile | undefined {
  if (!isObj(data) || !onlyKeys(data, RESULTS_KEYS)) return undefined;
  if (data.kind !== undefined && data.kind !== 'safety-gate.results') return undefined;
  if (data.schemaVersion !== undefined && data.schemaVersion !== 1) return undefined;
  if (!targetOk(data.target) || !optString(data.seed) || !optString(data.createdAt) || !optString(data.shard))
    return undefined;
  if (!Array.isArray(data.cases)) return undefined;
  for (const c of data.cases) if (!caseOk(c)) return undefined;
  // Zod writes the schema's keys in its order, defaults included: the same object, whichever path read it.
  const out: Obj = {
    kind: 'safety-gate.results',
    schemaVersion: 1,
    target: data.target ?? { name: 'results' },
  };
  for (const k of ['seed', 'createdAt', 'shard'] as const) if (k in data) out[k] = data[k];
  out.cases = data.cases;
  return out as ResultsFile;
}
