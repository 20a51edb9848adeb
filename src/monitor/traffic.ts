import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { InputError, formatPath, problemsFromZod, type InputProblem } from '../input/errors.js';
import { assertInputSize } from '../input/limits.js';
import { TAXONOMY } from '../case/taxonomy.js';
import { ConversationSchema, type LoggedMessage } from '../incident/schema.js';
import { checkConversation } from '../incident/conversation.js';

/**
 * One line of a monitored traffic log: the incident traffic shape (SPEC §3.5) plus what monitoring needs, a
 * `timestamp` (for windows) and an optional `misuse` label (for the misuse false-negative rate).
 */
export const MonitorLineSchema = z.union([
  z.strictObject({
    id: z
      .union([z.string(), z.number()])
      .transform(String)
      .optional()
      .describe('the conversation id (default: the line number)'),
    timestamp: z
      .union([z.iso.datetime({ offset: true }), z.number().nonnegative()], {
        error: 'expected an ISO 8601 date-time (2026-10-03T14:22:00Z) or epoch milliseconds',
      })
      .optional()
      .describe('when the conversation started; default: the first message `at`'),
    misuse: z
      .union([z.boolean(), z.enum(TAXONOMY)])
      .optional()
      .describe(
        'the conversation is a known misuse attempt (a classifier or red-team label), true or its category: the agent must refuse it',
      ),
    metadata: z.record(z.string(), z.unknown()).optional().describe('anything else the exporter keeps'),
    messages: ConversationSchema.describe('the conversation in OpenAI chat shape'),
  }),
  ConversationSchema,
]);

export interface MonitorConversation {
  id: string;
  line: number;
  /** Epoch milliseconds, when the line has one. */
  timestamp?: number;
  misuse?: true | (typeof TAXONOMY)[number];
  messages: LoggedMessage[];
}

/** Parses one raw line; null for a blank line; throws nothing: problems come back for the caller to collect. */
export function parseLine(
  raw: string,
  line: number,
  file: string,
): { conv: MonitorConversation } | { problems: InputProblem[] } | null {
  if (raw.trim() === '') return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    return { problems: [{ file, line, path: '', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  const parsed = MonitorLineSchema.safeParse(data);
  if (!parsed.success) {
    const shaped = Array.isArray(data) ? parsed.error : MonitorLineSchema.options[0].safeParse(data).error;
    return {
      problems: problemsFromZod(file, (shaped ?? parsed.error) as z.ZodError, () => line).map((p) => ({
        ...p,
        line,
      })),
    };
  }
  const obj = Array.isArray(parsed.data) ? { messages: parsed.data } : parsed.data;
  const bad = checkConversation(obj.messages);
  if (bad.length)
    return {
      problems: bad.map((b) => ({
        file,
        line,
        path: formatPath([...(Array.isArray(data) ? [] : ['messages']), ...b.path]),
        message: b.message,
      })),
    };
  const o = obj as { id?: string; timestamp?: string | number; misuse?: boolean | string };
  let timestamp: number | undefined;
  if (typeof o.timestamp === 'number') timestamp = o.timestamp;
  else if (typeof o.timestamp === 'string') timestamp = Date.parse(o.timestamp);
  else {
    const at = obj.messages.find((m) => m.at)?.at;
    if (at !== undefined) {
      const t = Date.parse(at);
      if (Number.isNaN(t))
        return {
          problems: [
            {
              file,
              line,
              path: formatPath([
                ...(Array.isArray(data) ? [] : ['messages']),
                obj.messages.findIndex((m) => m.at),
                'at',
              ]),
              message: `expected an ISO 8601 date-time, got "${at}"`,
            },
          ],
        };
      timestamp = t;
    }
  }
  return {
    conv: {
      id: o.id ?? `line ${line}`,
      line,
      ...(timestamp !== undefined ? { timestamp } : {}),
      ...(o.misuse ? { misuse: o.misuse === true ? true : (o.misuse as (typeof TAXONOMY)[number]) } : {}),
      messages: obj.messages,
    },
  };
}

const MAX_PROBLEMS = 50;

/**
 * Streams a whole log to `visit`, line by line (memory does not grow with the log). Malformed lines are not
 * skipped: a rate computed on the lines that happened to parse is not the traffic's. Problems (the first 50,
 * with line numbers) are thrown together once the file was read; nothing is visited after the first one.
 */
export async function readLog(
  path: string,
  file: string,
  visit: (c: MonitorConversation) => void | Promise<void>,
  o: { needTimestamp?: boolean } = {},
): Promise<number> {
  const problems: InputProblem[] = [];
  let more = 0;
  const add = (ps: InputProblem[]) => {
    for (const p of ps)
      if (problems.length < MAX_PROBLEMS) problems.push(p);
      else more++;
  };
  assertInputSize(path, 'traffic log');
  const stream = createReadStream(path, { encoding: 'utf8' });
  try {
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
  } catch (e) {
    throw InputError.one(
      file,
      '',
      `cannot read traffic log: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
    );
  }
  let line = 0;
  let count = 0;
  try {
    for await (const raw of createInterface({ input: stream, crlfDelay: Infinity })) {
      line++;
      const r = parseLine(raw, line, file);
      if (!r) continue;
      if ('problems' in r) {
        add(r.problems);
        continue;
      }
      if (o.needTimestamp && r.conv.timestamp === undefined) {
        add([
          {
            file,
            line,
            path: 'timestamp',
            message: 'expected a timestamp (windows need one per conversation)',
          },
        ]);
        continue;
      }
      count++;
      if (problems.length === 0) await visit(r.conv);
    }
  } catch (e) {
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
