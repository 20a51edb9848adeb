import type { LoadedCase, RegressionCase } from '../case/schema.js';
import { canonicalJson } from '../util/hash.js';
import type { StressFile } from '../stress/schema.js';

export interface PromoteOptions {
  /** Keep only failures confirmed at this reproduction rate or more; unconfirmed ones pass only at 0. */
  minRate: number;
  max: number;
}

export interface Promotion {
  promoted: Array<{ case: RegressionCase; note: string }>;
  skipped: Array<{ id: string; why: string }>;
}

/** The conversation a case plays and what it checks: two cases with the same one test the same thing. */
function behaviour(c: RegressionCase): string {
  return canonicalJson({ system: c.system ?? '', tools: c.tools, turns: c.turns, expect: c.expect });
}

/**
 * Chooses which discovered failures become regression cases: not already in the suite (by id, or by the same
 * conversation and checks under another id), reproducible enough, most reproducible first, at most `max`.
 */
export function promote(file: StressFile, existing: LoadedCase[], o: PromoteOptions): Promotion {
  const ids = new Set(existing.map((c) => c.case.id));
  const seen = new Map(existing.map((c) => [behaviour(c.case), c.case.id]));
  const out: Promotion = { promoted: [], skipped: [] };
  for (const f of file.failures) {
    // No valid confirmation (none run, or every one errored) is no evidence either way: treated as unconfirmed.
    const rate = f.reproduced?.rate ?? null;
    const dup = seen.get(behaviour(f.case));
    if (ids.has(f.case.id)) out.skipped.push({ id: f.case.id, why: 'already in the suite' });
    else if (dup) out.skipped.push({ id: f.case.id, why: `same conversation and checks as ${dup}` });
    else if (rate === null ? o.minRate > 0 : rate < o.minRate)
      out.skipped.push({
        id: f.case.id,
        why:
          rate === null
            ? `not confirmed (${f.reproduced ? 'every confirmation replay ended in an error' : 'stress --confirm 0'}); pass --min-rate 0 to promote it anyway`
            : `reproduced ${f.reproduced!.k}/${f.reproduced!.n}, below --min-rate ${o.minRate}`,
      });
    else if (out.promoted.length >= o.max) out.skipped.push({ id: f.case.id, why: `over --max ${o.max}` });
    else {
      out.promoted.push({
        case: f.case,
        note:
          `found by stress on ${file.target.name}${file.createdAt ? ` at ${file.createdAt}` : ''}: tactics ${f.tactics.join(', ')}, ` +
          `first failure at turn ${f.firstFailureTurn}${f.delayed ? ' (delayed)' : ''}` +
          (f.reproduced ? `, reproduced ${f.reproduced.k}/${f.reproduced.n}` : ''),
      });
      ids.add(f.case.id);
      seen.set(behaviour(f.case), f.case.id);
    }
  }
  return out;
}
