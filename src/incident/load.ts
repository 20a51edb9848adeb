import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { z } from 'zod';
import { readStructured } from '../input/document.js';
import { InputError, formatPath, problemsFromZod, type InputProblem } from '../input/errors.js';
import { displayPath } from '../input/sources.js';
import { checkConversation } from './conversation.js';
import { IncidentSchema, TrafficLineSchema, type Incident, type LoggedMessage } from './schema.js';

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

const MAX_PROBLEMS = 50;

/**
 * Streams a JSONL traffic log, one conversation per line, to `visit`. A malformed line is not skipped: a blast
 * radius computed on the lines that happened to parse would be an understatement nobody asked for. Problems are
 * collected (the first 50, with line numbers) and thrown together after the whole file was read.
 */
export async function readTraffic(
  path: string,
  visit: (c: TrafficConversation) => void | Promise<void>,
): Promise<number> {
  const file = displayPath(path);
  const problems: InputProblem[] = [];
  let more = 0;
  const problem = (p: InputProblem) => (problems.length < MAX_PROBLEMS ? problems.push(p) : more++);
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
  let count = 0;
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  try {
    for await (const raw of lines) {
      line++;
      if (raw.trim() === '') continue;
      let data: unknown;
      try {
        data = JSON.parse(raw);
      } catch (e) {
        problem({ file, line, path: '', message: `not valid JSON: ${(e as Error).message}` });
        continue;
      }
      const parsed = TrafficLineSchema.safeParse(data);
      if (!parsed.success) {
        // A union's errors name both shapes; the object form is what logs write, so report against it.
        const shaped = Array.isArray(data)
          ? parsed.error
          : TrafficLineSchema.options[0].safeParse(data).error;
        for (const p of problemsFromZod(file, (shaped ?? parsed.error) as z.ZodError, () => line))
          problem({ ...p, line });
        continue;
      }
      const { id, messages } = Array.isArray(parsed.data)
        ? { id: undefined, messages: parsed.data }
        : parsed.data;
      const bad = checkConversation(messages);
      if (bad.length) {
        for (const b of bad)
          problem({
            file,
            line,
            path: formatPath([...(Array.isArray(data) ? [] : ['messages']), ...b.path]),
            message: b.message,
          });
        continue;
      }
      count++;
      if (problems.length === 0) await visit({ id: id ?? `line ${line}`, line, messages });
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
  if (count === 0) throw InputError.one(file, '', 'expected at least one conversation (the log is empty)');
  return count;
}
