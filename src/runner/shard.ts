import type { LoadedCase } from '../case/schema.js';
import { InputError } from '../input/errors.js';

export interface Shard {
  index: number;
  total: number;
}

/** "k/n", 1-based. */
export function parseShard(text: string, where = 'shard'): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const total = m ? Number(m[2]) : NaN;
  if (!m || total < 1 || index < 1 || index > total)
    throw InputError.one(where, '', `expected k/n with 1 <= k <= n, got "${text}"`);
  return { index, total };
}

/** The shard's cases: every n-th case in id order, so each shard gets a mix of categories and the split is stable. */
export function selectShard(cases: LoadedCase[], shard: Shard): LoadedCase[] {
  const sorted = [...cases].sort((a, b) => (a.case.id < b.case.id ? -1 : a.case.id > b.case.id ? 1 : 0));
  return sorted.filter((_, i) => i % shard.total === shard.index - 1);
}
