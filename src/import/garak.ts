import { InputError } from '../input/errors.js';
import { atLine } from './common.js';
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

/** garak's default `run.eval_threshold`: a detector score at or above it is a hit. */
const DEFAULT_THRESHOLD = 0.5;

export interface Line {
  value: Record<string, unknown>;
  line: number;
}

/**
 * garak's `report.jsonl`. Every attempt is written twice, status 1 (sent) then status 2 (detectors ran): only
 * status 2 is a verdict, and an attempt that never reached it is an error. A case is one prompt of one probe
 * (`<probe>#<seq>`); its samples are the generations, each one output with one score per detector; a score at
 * or above the run's eval_threshold is a hit (a failure); a generation without output (`null`) is an error.
 */
export function importGarak(file: string, lines: Line[], cfg: ImportConfig): ResultsFile {
  const setup = lines.find((l) => l.value.entry_type === 'start_run setup')?.value ?? {};
  const init = lines.find((l) => l.value.entry_type === 'init')?.value ?? {};
  const threshold =
    typeof setup['run.eval_threshold'] === 'number' ? setup['run.eval_threshold'] : DEFAULT_THRESHOLD;
  const evaluated = new Map<string, Line>();
  const sent = new Map<string, Line>();
  for (const l of lines) {
    if (l.value.entry_type !== 'attempt') continue;
    const uuid = str(l.value.uuid);
    if (!uuid) throw atLine(file, l.line, 'uuid', 'expected the attempt uuid (a string)');
    if (l.value.status === 2) evaluated.set(uuid, l);
    else if (l.value.status === 1) sent.set(uuid, l);
    else throw atLine(file, l.line, 'status', 'expected attempt status 1 or 2');
  }
  const groups = new CaseGroups();
  const attempts = [...evaluated.values(), ...[...sent].filter(([u]) => !evaluated.has(u)).map(([, l]) => l)];
  attempts.sort((a, b) => a.line - b.line);
  for (const l of attempts) {
    const a = l.value;
    const where = `line ${l.line}`;
    const at = (path: string, message: string) => atLine(file, l.line, path, message);
    const probe = str(a.probe_classname);
    if (!probe) throw at('probe_classname', 'expected the probe (a string)');
    if (!Number.isInteger(a.seq)) throw at('seq', 'expected the attempt seq (an integer)');
    if (!Array.isArray(a.outputs)) throw at('outputs', 'expected the array of outputs');
    const id = `${probe}#${String(a.seq)}`;
    const c = groups.get(id, () => ({ id, where }));
    addUnique(c.plugins, probe);
    const scores = isRecord(a.detector_results) ? a.detector_results : {};
    addUnique(c.scorers, ...Object.keys(scores));
    const conversations = Array.isArray(a.conversations) ? a.conversations : [];
    a.outputs.forEach((out: unknown, i: number) => {
      c.samples.push(generation(a, out, conversations[i], scores, i, threshold, a.status === 2, at));
    });
  }
  return finishRun(
    file,
    {
      target: {
        name: str(setup['plugins.target_name']) ?? str(setup['plugins.model_name']) ?? 'garak',
        ref: null,
      },
      createdAt: str(init.start_time),
      cases: groups.cases(),
    },
    cfg,
  );
}

function generation(
  a: Record<string, unknown>,
  out: unknown,
  conv: unknown,
  scores: Record<string, unknown>,
  i: number,
  threshold: number,
  evaluated: boolean,
  at: (path: string, message: string) => InputError,
): SampleResult {
  const text =
    out === null || out === undefined ? null : isRecord(out) ? (str(out.text) ?? null) : textOf(out);
  const { transcript, userTurns } = transcriptOf(a, conv, text);
  if (!evaluated)
    return errorSample(
      'garak sent this attempt but never evaluated it (no status 2 entry)',
      userTurns,
      transcript,
    );
  if (text === null)
    return errorSample('the generation failed (garak recorded no output)', userTurns, transcript);
  const hits: Array<{ rule: string; evidence: string }> = [];
  let scored = 0;
  for (const [detector, list] of Object.entries(scores)) {
    if (!Array.isArray(list) || list.length <= i)
      throw at(
        `detector_results.${detector}`,
        `expected one score per generation (generation ${i + 1} has none)`,
      );
    const s = list[i] as unknown;
    if (s === null || s === undefined) continue;
    if (typeof s !== 'number') throw at(`detector_results.${detector}[${i}]`, 'expected a number or null');
    scored++;
    if (s >= threshold) hits.push({ rule: detector, evidence: `score ${s} >= ${threshold}: ${text}` });
  }
  if (scored === 0) return errorSample('no detector scored this generation', userTurns, transcript);
  const turns = Math.max(userTurns, 1);
  return hits.length ? failSample(turns, turns, hits, transcript) : passSample(turns, transcript);
}

function transcriptOf(
  a: Record<string, unknown>,
  conv: unknown,
  text: string | null,
): { transcript: TranscriptEntry[]; userTurns: number } {
  const turns = isRecord(conv) && Array.isArray(conv.turns) ? conv.turns.filter(isRecord) : undefined;
  const msgs = turns
    ? turns.map((t) => ({
        role: str(t.role) ?? '?',
        content: clipText(isRecord(t.content) ? (str(t.content.text) ?? '') : textOf(t.content)),
      }))
    : [...promptTurns(a.prompt), ...(text !== null ? [{ role: 'assistant', content: clipText(text) }] : [])];
  return numberTurns(msgs);
}

function promptTurns(prompt: unknown): Array<{ role: string; content: string }> {
  if (isRecord(prompt) && Array.isArray(prompt.turns))
    return prompt.turns.filter(isRecord).map((t) => ({
      role: str(t.role) ?? 'user',
      content: clipText(isRecord(t.content) ? (str(t.content.text) ?? '') : textOf(t.content)),
    }));
  return prompt === undefined ? [] : [{ role: 'user', content: clipText(textOf(prompt)) }];
}
