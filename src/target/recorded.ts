import { readFileSync } from 'node:fs';
import type { AgentRequest } from './types.js';
import { CallError, type Attempt } from './resilience.js';
import { toAgentResponse } from './wire.js';

/**
 * Transcripts captured elsewhere, replayed: `{ "cases": { "<case id>": [[response, ...], ...] } }`, one list of
 * assistant responses per sample, in call order. A missing response is an error, never a pass.
 */
export function recordedAttempt(file: string): Attempt {
  let data: { cases?: Record<string, unknown[][]> };
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as typeof data;
  } catch (e) {
    throw new Error(`cannot read recorded responses ${file}: ${(e as Error).message}`);
  }
  if (!data || typeof data.cases !== 'object')
    throw new Error(`${file}: expected { "cases": { "<case id>": [[response, ...]] } }`);
  return async (req: AgentRequest) => {
    const samples = data.cases?.[req.key.caseId];
    const calls = req.messages.filter((m) => m.role === 'assistant').length;
    const response = samples?.[req.key.sample]?.[calls];
    if (response === undefined) {
      throw new CallError(
        `no recorded response for case ${req.key.caseId}, sample ${req.key.sample}, call ${calls + 1}`,
        false,
      );
    }
    return toAgentResponse(response, file);
  };
}
