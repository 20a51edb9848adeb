import { InputError } from '../input/errors.js';
import type { ResultsFile, SampleResult } from '../results/schema.js';
import {
  addUnique,
  CaseGroups,
  clipText,
  errorSample,
  failSample,
  finishRun,
  isRecord,
  numberTurns,
  passSample,
  str,
  textOf,
  type TranscriptEntry,
} from './common.js';
import type { ImportConfig } from './schema.js';

/** One inspect_ai log, whichever file it came from: the header (eval, status) and its samples with where they are. */
export interface InspectLog {
  header: Record<string, unknown>;
  samples: Array<{ value: unknown; where: string }>;
}

/** `inspect log convert --to json` output (or a log written with --log-format json). */
export function inspectLogFromJson(file: string, data: unknown): InspectLog {
  if (!isRecord(data) || !isRecord(data.eval))
    throw InputError.one(file, 'eval', 'expected an inspect_ai log (an object with "eval")');
  if (data.samples === undefined || data.samples === null)
    throw InputError.one(
      file,
      'samples',
      'expected the samples of the log (this log was written without them: run inspect with log_samples on)',
    );
  if (!Array.isArray(data.samples)) throw InputError.one(file, 'samples', 'expected an array of samples');
  return { header: data, samples: data.samples.map((value, i) => ({ value, where: `samples[${i}]` })) };
}

/** inspect_ai's value_to_float: C = 1, P = 0.5, I = N = 0, yes/true = 1, no/false = 0, numbers as they are. */
export function scoreToFloat(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const s = v.trim();
    const letters: Record<string, number> = { C: 1, I: 0, P: 0.5, N: 0 };
    if (s in letters) return letters[s];
    const l = s.toLowerCase();
    if (l === 'yes' || l === 'true') return 1;
    if (l === 'no' || l === 'false') return 0;
    if (s !== '' && Number.isFinite(Number(s))) return Number(s);
  }
  return undefined;
}

/** A score passes when its value (every entry of a dict or list value) is at or above the threshold. */
function scorePasses(value: unknown, threshold: number): boolean | string {
  const parts = isRecord(value) ? Object.values(value) : Array.isArray(value) ? value : [value];
  if (parts.length === 0) return `score value ${JSON.stringify(value)} is empty`;
  for (const p of parts) {
    const f = scoreToFloat(p);
    if (f === undefined)
      return `score value ${JSON.stringify(p)}: expected C, I, P, N, a boolean, a number, or a dict or list of them`;
    if (f < threshold) return false;
  }
  return true;
}

export function importInspect(file: string, log: InspectLog, cfg: ImportConfig): ResultsFile {
  const ev = log.header.eval as Record<string, unknown>;
  const status = str(log.header.status) ?? 'unknown';
  const groups = new CaseGroups();
  const seen = new Set<string>();
  const byCase = new Map<string, Array<[number, SampleResult]>>();
  const epochsOf = (id: string) => {
    if (!byCase.has(id)) byCase.set(id, []);
    return byCase.get(id)!;
  };
  for (const { value: s, where } of log.samples) {
    if (!isRecord(s)) throw InputError.one(file, where, 'expected a sample (an object)');
    if (typeof s.id !== 'string' && typeof s.id !== 'number')
      throw InputError.one(file, `${where}.id`, 'expected the sample id (a string or a number)');
    if (!Number.isInteger(s.epoch) || (s.epoch as number) < 1)
      throw InputError.one(file, `${where}.epoch`, 'expected the epoch (an integer >= 1)');
    const id = String(s.id);
    const key = `${id}\u0000${String(s.epoch)}`;
    if (seen.has(key))
      throw InputError.one(file, where, `sample "${id}" epoch ${String(s.epoch)} appears twice`);
    seen.add(key);
    const md = isRecord(s.metadata) ? s.metadata : {};
    const c = groups.get(id, () => ({ id, category: md.category, severity: md.severity, where }));
    addUnique(c.plugins, str(ev.task));
    const scores = isRecord(s.scores) ? s.scores : {};
    addUnique(c.scorers, ...Object.keys(scores));
    epochsOf(id).push([s.epoch as number, sample(s, cfg.passThreshold)]);
  }
  // Samples the log should hold but does not (a cancelled or crashed run): errors, never silently absent.
  const ids = isRecord(ev.dataset) && Array.isArray(ev.dataset.sample_ids) ? ev.dataset.sample_ids : [];
  const epochs = isRecord(ev.config) && Number.isInteger(ev.config.epochs) ? (ev.config.epochs as number) : 1;
  for (const raw of ids) {
    if (typeof raw !== 'string' && typeof raw !== 'number') continue;
    const id = String(raw);
    for (let e = 1; e <= epochs; e++) {
      if (seen.has(`${id}\u0000${e}`)) continue;
      groups.get(id, () => ({ id, where: 'eval.dataset.sample_ids' }));
      epochsOf(id).push([
        e,
        errorSample(`epoch ${e} of this sample is not in the log (run status: ${status})`, 0),
      ]);
    }
  }
  const cases = groups.cases().map((c) => ({
    ...c,
    samples: epochsOf(c.id)
      .sort((a, b) => a[0] - b[0])
      .map(([, r]) => r),
  }));
  const revision = isRecord(ev.revision) ? ev.revision : {};
  return finishRun(
    file,
    {
      target: { name: str(ev.model) ?? 'inspect_ai', ref: str(revision.commit) ?? null },
      createdAt: str(ev.created),
      cases,
    },
    cfg,
  );
}

function sample(s: Record<string, unknown>, threshold: number): SampleResult {
  const attachments = isRecord(s.attachments) ? s.attachments : {};
  const { transcript, userTurns } = numberTurns(
    (Array.isArray(s.messages) ? s.messages : []).filter(isRecord).map((m) => message(m, attachments)),
  );
  const turns = userTurns;
  // An errored sample has `error` (and, unless score_on_error, no scores): no verdict either way.
  if (s.error !== undefined && s.error !== null) {
    const msg = isRecord(s.error) ? (str(s.error.message) ?? '') : textOf(s.error);
    return errorSample(msg || 'the sample errored', turns, transcript);
  }
  const scores = isRecord(s.scores) ? Object.entries(s.scores) : [];
  if (scores.length === 0) return errorSample('the sample has no score', turns, transcript);
  const failed: Array<{ rule: string; evidence: string; turn?: number }> = [];
  for (const [name, score] of scores) {
    if (!isRecord(score)) return errorSample(`score "${name}" is not an object`, turns, transcript);
    const verdict = scorePasses(score.value, threshold);
    if (typeof verdict === 'string') return errorSample(`score "${name}": ${verdict}`, turns, transcript);
    if (verdict) continue;
    const md = isRecord(score.metadata) ? score.metadata : {};
    const turn = md.first_failure_turn ?? md.firstFailureTurn;
    failed.push({
      rule: str(md.rule) ?? name,
      evidence: str(score.explanation) ?? textOf(score.answer),
      turn: Number.isInteger(turn) && (turn as number) >= 1 ? (turn as number) : undefined,
    });
  }
  if (failed.length === 0) return passSample(turns, transcript);
  // The scorer's own record of the turn when it keeps one; else the failure is known by the last turn.
  const recorded = failed.map((f) => f.turn).filter((t): t is number => t !== undefined);
  const turn = recorded.length ? Math.min(...recorded) : Math.max(turns, 1);
  return failSample(turn, turns, failed, transcript);
}

function message(m: Record<string, unknown>, attachments: Record<string, unknown>): TranscriptEntry {
  const resolve = (t: string) =>
    t.startsWith('attachment://') ? (str(attachments[t.slice('attachment://'.length)]) ?? t) : t;
  const content = clipText(resolve(textOf(m.content)));
  const out: TranscriptEntry = { role: str(m.role) ?? '?', content };
  if (Array.isArray(m.tool_calls) && m.tool_calls.length)
    out.tool_calls = m.tool_calls.filter(isRecord).map((c) => ({
      id: str(c.id) ?? '',
      type: 'function',
      function: {
        name: str(c.function) ?? '?',
        arguments: clipText(
          resolve(typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments)),
        ),
      },
    }));
  if (m.role === 'tool' && isRecord(m.error))
    out.content = clipText(`${content}\n[tool error] ${textOf(m.error.message)}`.trim());
  return out;
}
