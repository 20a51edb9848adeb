import { TAXONOMY, type Category } from '../case/taxonomy.js';
import { BernoulliCusum } from '../stats/cusum.js';
import { gTestHomogeneity } from '../stats/two-sample.js';
import { pct, pvalue } from '../util/format.js';
import type { Graded, RuleMeta } from './grade.js';
import type { MonitorPolicy } from './schema.js';
import type { Tally } from './tally.js';

/** One closed window of canary traffic, as tested. */
export interface WindowResult {
  index: number;
  start: string;
  end: string;
  conversations: number;
  flagged: number;
  rate: number;
  /** The reference rate the CUSUM compared with (control, or the canary before this window). */
  referenceRate: number | null;
  categories: Partial<Record<Category, number>>;
  /** G test of the flagged-category mix against the reference; null when too few were flagged to test. */
  mix: { g: number; df: number; pValue: number } | null;
  mixSkipped?: string;
  cusum: { s: number; h: number; alarm: boolean } | null;
  alerts: string[];
}

interface Open {
  index: number;
  n: number;
  k: number;
  cats: Map<Category, number>;
}

/**
 * Windows of canary traffic by timestamp, tested as each one closes: the mix of flagged categories against the
 * reference (G test at drift.alpha per window) and the violation rate through a Bernoulli CUSUM (an alarm means
 * the rate rose by minEffect or more at some point, whatever the number of looks). Memory: the windows still open
 * (a conversation closes every window that ended before it) and one small summary per closed window.
 */
export class DriftTracker {
  private readonly open = new Map<number, Open>();
  private readonly cusum: { c: BernoulliCusum | null } = { c: null };
  readonly closed: WindowResult[] = [];
  /** Conversations that arrived after their window had closed: counted overall, not in a window. */
  late = 0;
  private watermark = -Infinity;
  private trailing = { n: 0, k: 0, cats: new Map<Category, number>() };

  constructor(
    readonly windowMs: number,
    private readonly policy: MonitorPolicy,
    private readonly meta: Map<string, RuleMeta>,
    /** The control tally (read live: in follow mode it grows too). */
    private readonly control: Tally | null,
    private readonly maxClosed = 100_000,
  ) {}

  /** Adds one graded canary conversation; returns the windows this closed (in time order). */
  add(g: Graded): WindowResult[] {
    if (g.timestamp === undefined) throw new Error('internal: a windowed conversation has no timestamp');
    const index = Math.floor(g.timestamp / this.windowMs);
    if (index < this.watermark) {
      this.late++;
      return [];
    }
    let w = this.open.get(index);
    if (!w) {
      w = { index, n: 0, k: 0, cats: new Map() };
      this.open.set(index, w);
    }
    w.n++;
    if (g.rules.length) {
      w.k++;
      const cats = new Set<Category>();
      for (const r of g.rules) {
        const m = this.meta.get(r);
        if (m) cats.add(m.category);
      }
      for (const c of cats) w.cats.set(c, (w.cats.get(c) ?? 0) + 1);
    }
    return [];
  }

  /** Closes every open window that ended at or before `time` (epoch ms), oldest first. */
  closeBefore(time: number): WindowResult[] {
    const limit = Math.floor(time / this.windowMs);
    const out: WindowResult[] = [];
    for (const idx of [...this.open.keys()].sort((a, b) => a - b)) {
      if (idx >= limit) break;
      out.push(this.close(this.open.get(idx)!));
      this.open.delete(idx);
    }
    this.watermark = Math.max(this.watermark, limit);
    return out;
  }

  /** Closes everything still open (the end of a batch run). */
  finish(): WindowResult[] {
    return this.closeBefore(Infinity);
  }

  /** Windows still open: what the follow loop holds in memory besides the summaries. */
  get openWindows(): number {
    return this.open.size;
  }

  private reference(): { n: number; k: number; cats: Map<Category, number> } | null {
    if (this.policy.drift.reference === 'control' && this.control)
      return this.control.conversations
        ? { n: this.control.conversations, k: this.control.flagged, cats: this.control.byCategory }
        : null;
    return this.trailing.n ? this.trailing : null;
  }

  private close(w: Open): WindowResult {
    const ref = this.reference();
    const alerts: string[] = [];
    const start = new Date(w.index * this.windowMs).toISOString();
    const end = new Date((w.index + 1) * this.windowMs).toISOString();
    const { alpha, minFlagged } = this.policy.drift;
    let mix: WindowResult['mix'] = null;
    let mixSkipped: string | undefined;
    if (!ref) mixSkipped = 'no reference yet';
    else {
      const refFlagged = [...ref.cats.values()].reduce((s, x) => s + x, 0);
      if (w.k < minFlagged || refFlagged < minFlagged)
        mixSkipped = `fewer than ${minFlagged} flagged conversations (window ${w.k}, reference ${refFlagged})`;
      else {
        mix = gTestHomogeneity(
          TAXONOMY.map((c) => ref.cats.get(c) ?? 0),
          TAXONOMY.map((c) => w.cats.get(c) ?? 0),
        );
        if (mix.pValue < alpha) {
          const shifted = TAXONOMY.map((c) => ({
            c,
            ref: (ref.cats.get(c) ?? 0) / refFlagged,
            win: (w.cats.get(c) ?? 0) / w.k,
          }))
            .sort((a, b) => b.win - b.ref - (a.win - a.ref))
            .slice(0, 2)
            .filter((x) => x.win > x.ref)
            .map((x) => `${x.c} ${pct(x.ref)} → ${pct(x.win)} of flagged`);
          alerts.push(
            `flagged-category mix shifted (G = ${mix.g.toFixed(1)}, df ${mix.df}, p = ${pvalue(mix.pValue)} < ${alpha})${shifted.length ? `: ${shifted.join(', ')}` : ''}`,
          );
        }
      }
    }
    let cusum: WindowResult['cusum'] = null;
    let referenceRate: number | null = null;
    if (ref) {
      referenceRate = ref.k / ref.n;
      const p0 = Math.min(0.98, Math.max((ref.k + 0.5) / (ref.n + 1), 1e-6));
      const p1 = Math.min(0.99, p0 + this.policy.minEffect);
      const prev = this.cusum.c?.s ?? 0;
      const c = new BernoulliCusum(p0, p1, this.policy.drift.arl);
      c.s = prev;
      this.cusum.c = c;
      const u = c.update(w.k, w.n);
      cusum = { s: u.s, h: c.h, alarm: u.alarm };
      if (u.alarm)
        alerts.push(
          `violation rate rose: ${pct(w.k / w.n, 2)} in this window against ${pct(referenceRate, 2)} (CUSUM ${u.s.toFixed(1)} ≥ h = ${c.h.toFixed(1)} for a rise of ${(this.policy.minEffect * 100).toFixed(2)} pp)`,
        );
    }
    this.trailing.n += w.n;
    this.trailing.k += w.k;
    for (const [c, x] of w.cats) this.trailing.cats.set(c, (this.trailing.cats.get(c) ?? 0) + x);
    const result: WindowResult = {
      index: w.index,
      start,
      end,
      conversations: w.n,
      flagged: w.k,
      rate: w.n ? w.k / w.n : 0,
      referenceRate,
      categories: Object.fromEntries(w.cats),
      mix,
      ...(mixSkipped ? { mixSkipped } : {}),
      cusum,
      alerts,
    };
    this.closed.push(result);
    if (this.closed.length > this.maxClosed) this.closed.shift();
    return result;
  }
}
