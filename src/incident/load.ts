import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { z } from 'zod';
import { readStructured } from '../input/document.js';
import { assertInputSize } from '../input/limits.js';
import { InputError, formatPath, problemsFromZod, type InputProblem } from '../input/errors.js';
import { displayPath } from '../input/sources.js';
import { checkConversation } from './conversation.js';
import { IncidentSchema, type Incident, type LoggedMessage } from './schema.js';
import { normaliseTrafficLine } from './traffic.js';

export interface LoadedIncident {
  incident: Incident;
  file: string;
}

/** An incident file (YAML or JSON): every problem reported with its line, nothing half-loaded. */
export function loadIncident(path: string): LoadedIncident {
  const file = displayPath(path);
  const doc = readStructured(path);
  const parsed = IncidentSchema.safeParse(doc.data);
  if (!parsed.success) {
    throw new InputError(
      problemsFromZod(file, parsed.error as z.ZodError, doc.locate).map((p) => ({ ...p, file })),
    );
  }
  const problems: InputProblem[] = checkConversation(parsed.data.conversation).map((p) => {
    const at = ['conversation', ...p.path];
    return { file, path: formatPath(at), line: doc.locate(at), message: p.message };
  });
  if (problems.length) throw new InputError(problems);
  return { incident: parsed.data, file };
}

export interface TrafficConversation {
  /** The log's id, else `line N`. */
  id: string;
  line: number;
  messages: LoggedMessage[];
}

/** What reading a traffic log repaired, ignored or skipped: said out loud by whoever reads it. */
export interface TrafficStats {
  conversations: number;
  /** Lines not read (only with skipBadLines), and the first problems of them. */
  skipped: number;
  skippedProblems: InputProblem[];
  /** Keys ignored, by path pattern, with how many lines had them. */
  unknownKeys: Record<string, number>;
  synthesizedIds: number;
  reusedIds: number;
  pairedByOrder: number;
  /** Conversations with no messages at all (read, nothing to grade). */
  empty: number;
}

export interface ReadTrafficOptions {
  /** Skip lines that are not a conversation (counted, with reasons) instead of rejecting the whole log. */
  skipBadLines?: boolean;
  /** Called with the stats so far, every `progressEvery` conversations. */
  onProgress?: (s: TrafficStats, line: number) => void;
  progressEvery?: number;
}

const MAX_PROBLEMS = 50;

/** One line in words, for warnings: "3 lines had unknown keys run, index (ignored)". */
export function describeTrafficStats(s: TrafficStats, file: string): string[] {
  const out: string[] = [];
  const keys = Object.entries(s.unknownKeys).sort((a, b) => b[1] - a[1]);
  if (keys.length)
    out.push(
      `${file}: ignored unknown keys: ${keys
        .slice(0, 8)
        .map(([k, n]) => `${k} (${n} lines)`)
        .join(', ')}${keys.length > 8 ? `, and ${keys.length - 8} more` : ''}`,
    );
  if (s.synthesizedIds) out.push(`${file}: ${s.synthesizedIds} tool calls had no id; ids were made up`);
  if (s.reusedIds) out.push(`${file}: ${s.reusedIds} tool-call ids were reused; later calls were renamed`);
  if (s.pairedByOrder)
    out.push(`${file}: ${s.pairedByOrder} tool results named no open call; paired with calls in order`);
  if (s.empty) out.push(`${file}: ${s.empty} conversations had no messages (nothing to grade)`);
  if (s.skipped) {
    out.push(`${file}: skipped ${s.skipped} lines that are not conversations:`);
    for (const p of s.skippedProblems.slice(0, 10))
      out.push(`  ${p.file}:${p.line}: ${p.path ? `${p.path}: ` : ''}${p.message}`);
    if (s.skipped > 10) out.push(`  (first 10 shown)`);
  }
  return out;
}

/**
 * Streams a JSONL traffic log, one conversation per line, to `visit`, reading what real logs write (see
 * normaliseTrafficLine) and counting every repair. A line that is not a conversation is not skipped silently: by
 * default problems are collected (the first 50, with line numbers) and thrown together after the whole file was
 * read, and nothing is computed from part of a log; with `skipBadLines` the line is skipped and counted.
 */
export async function readTraffic(
  path: string,
  visit: (c: TrafficConversation) => void | Promise<void>,
  options: ReadTrafficOptions = {},
): Promise<TrafficStats> {
  const file = displayPath(path);
  const problems: InputProblem[] = [];
  const stats: TrafficStats = {
    conversations: 0,
    skipped: 0,
    skippedProblems: [],
    unknownKeys: {},
    synthesizedIds: 0,
    reusedIds: 0,
    pairedByOrder: 0,
    empty: 0,
  };
  let more = 0;
  const problem = (p: InputProblem) => (problems.length < MAX_PROBLEMS ? problems.push(p) : more++);
  const bad = (ps: InputProblem[]) => {
    if (options.skipBadLines) {
      stats.skipped++;
      if (stats.skippedProblems.length < MAX_PROBLEMS) stats.skippedProblems.push(ps[0]);
    } else ps.forEach(problem);
  };
  assertInputSize(path, 'traffic log');
  const stream = createReadStream(path, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  try {
    await opened;
  } catch (e) {
    throw InputError.one(
      file,
      '',
      `cannot read traffic log: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
    );
  }
  let line = 0;
  const every = options.progressEvery ?? 200;
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  try {
    for await (const raw of lines) {
      line++;
      if (raw.trim() === '') continue;
      let data: unknown;
      try {
        data = JSON.parse(raw);
      } catch (e) {
        bad([{ file, line, path: '', message: `not valid JSON: ${(e as Error).message}` }]);
        continue;
      }
      const r = normaliseTrafficLine(data, line);
      if (!r.ok) {
        bad(r.problems.map((b) => ({ file, line, path: formatPath(b.path), message: b.message })));
        continue;
      }
      const t = r.line;
      for (const k of new Set(t.unknownKeys)) stats.unknownKeys[k] = (stats.unknownKeys[k] ?? 0) + 1;
      stats.synthesizedIds += t.synthesizedIds;
      stats.reusedIds += t.reusedIds;
      stats.pairedByOrder += t.pairedByOrder;
      if (t.empty) stats.empty++;
      stats.conversations++;
      if (problems.length === 0) await visit({ id: t.id ?? `line ${line}`, line, messages: t.messages });
      if (options.onProgress && stats.conversations % every === 0) options.onProgress(stats, line);
    }
  } catch (e) {
    // A read error halfway (a folder, a vanished file): name the file, and compute nothing from part of it.
    // Anything else (a rule failing inside visit) is not the log's fault and goes up as it is.
    if (!(e as NodeJS.ErrnoException).syscall) throw e;
    throw InputError.one(
      file,
      '',
      `cannot read traffic log: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
    );
  }
  if (problems.length) {
    if (more) problems.push({ file, path: '', message: `and ${more} more problems` });
    throw new InputError(problems);
  }
  if (stats.conversations === 0)
    throw InputError.one(
      file,
      '',
      stats.skipped
        ? `expected at least one conversation (all ${stats.skipped} lines were skipped as bad)`
        : 'expected at least one conversation (the log is empty)',
    );
  return stats;
}
