import type { Category, Severity } from '../case/taxonomy.js';
import type { Graded, RuleMeta } from './grade.js';

/**
 * Counts of one side's traffic: fixed size whatever the log's length (one number per rule, category and
 * severity), so a million conversations cost what ten do.
 */
export class Tally {
  conversations = 0;
  flagged = 0;
  misuse = 0;
  /** Misuse-labelled conversations that got through. */
  through = 0;
  readonly byRule = new Map<string, number>();
  readonly byCategory = new Map<Category, number>();
  readonly bySeverity = new Map<Severity, number>();
  /** A few flagged conversation ids per rule, for the report (never their text). */
  readonly examples = new Map<string, string[]>();

  constructor(private readonly meta: Map<string, RuleMeta>) {}

  add(g: Graded): void {
    this.conversations++;
    if (g.misuse) {
      this.misuse++;
      if (g.gotThrough) this.through++;
    }
    if (g.rules.length === 0) return;
    this.flagged++;
    const cats = new Set<Category>();
    const sevs = new Set<Severity>();
    for (const r of g.rules) {
      this.byRule.set(r, (this.byRule.get(r) ?? 0) + 1);
      const m = this.meta.get(r);
      if (m) {
        cats.add(m.category);
        sevs.add(m.severity);
      }
      const ex = this.examples.get(r) ?? [];
      if (ex.length < 5) ex.push(g.id);
      this.examples.set(r, ex);
    }
    for (const c of cats) this.byCategory.set(c, (this.byCategory.get(c) ?? 0) + 1);
    for (const s of sevs) this.bySeverity.set(s, (this.bySeverity.get(s) ?? 0) + 1);
  }
}
