import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { writeArtifact } from '../util/artifact.js';
import { join } from 'node:path';
import { wrapTarget, type Target } from './types.js';
import type { AgentResponse } from '../trajectory/types.js';
import { canonicalJson, sha256 } from '../util/hash.js';
import { plainMessages } from './wire.js';

/**
 * Responses on disk, keyed by the target's fingerprint, the request and the sample: rerunning an unchanged side
 * makes no calls, while the samples of one case stay independent draws. Only successful answers are stored.
 */
export function cached(target: Target, dir: string): Target {
  // A target whose state cannot be known (a command outside git, too big to hash) is never answered from disk.
  if (target.fingerprint.startsWith('uncacheable:')) return target;
  mkdirSync(dir, { recursive: true });
  return wrapTarget(target, async (req, signal) => {
    const key = sha256(
      canonicalJson({
        t: target.fingerprint,
        m: plainMessages(req.messages),
        tools: req.tools,
        s: req.key.sample,
        seed: req.key.seed,
      }),
    ).slice(7);
    const file = join(dir, key.slice(0, 2), `${key}.json`);
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as AgentResponse;
    } catch {
      /* a miss, or a torn file: ask the agent */
    }
    const res = await target.respond(req, signal);
    mkdirSync(join(dir, key.slice(0, 2)), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    // Values only: a cached answer is graded again, and a planted fake key in it is what a leak rule looks for.
    writeArtifact(tmp, JSON.stringify(res), { shapes: false });
    renameSync(tmp, file);
    return res;
  });
}
