import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { validateJson } from '../input/json.js';
import { readResults } from '../results/io.js';
import type { Replay, ReplayFile } from './replay.js';

/** Enough of replay.json to re-render its reports safely; written by this tool, so extra keys are allowed. */
export const ReplayFileSchema = z.looseObject({
  kind: z.literal('safety-gate.replay'),
  schemaVersion: z.literal(1),
  verdict: z.enum(['OK', 'WARN', 'BLOCK']),
  incident: z.looseObject({ id: z.string(), title: z.string(), environment: z.looseObject({}) }),
  target: z.looseObject({ name: z.string() }),
  rootCause: z.looseObject({ rule: z.string(), turn: z.int(), violations: z.array(z.looseObject({})) }),
  conversation: z.array(z.looseObject({ role: z.string() })),
  replay: z.array(z.looseObject({ id: z.string() })),
  cases: z.array(z.looseObject({ id: z.string(), file: z.string() })).min(1),
  reasons: z.array(z.looseObject({ code: z.string(), message: z.string() })),
});

/** A replay from disk, with the replay results beside it when they are there (for the reproducing transcript). */
export function readReplay(file: string, data: unknown): Replay {
  const f = validateJson(data, ReplayFileSchema, file) as unknown as ReplayFile;
  const beside = join(dirname(file), 'replay.results.json');
  const results = existsSync(beside)
    ? readResults(beside)
    : { kind: 'safety-gate.results' as const, schemaVersion: 1 as const, target: f.target, cases: [] };
  return { file: f, cases: [], results };
}
