import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { validateJson } from '../input/json.js';
import { readResults } from '../results/io.js';
import type { Replay } from './replay.js';
import { ReplayFileSchema } from './replay-schema.js';

/** A replay from disk, with the replay results beside it when they are there (for the reproducing transcript). */
export function readReplay(file: string, data: unknown): Replay {
  const f = validateJson(data, ReplayFileSchema, file);
  const beside = join(dirname(file), 'replay.results.json');
  const results = existsSync(beside)
    ? readResults(beside)
    : { kind: 'safety-gate.results' as const, schemaVersion: 1 as const, target: f.target, cases: [] };
  return { file: f, cases: [], results };
}
