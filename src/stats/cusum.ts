/**
 * Bernoulli CUSUM (Page's test on the log-likelihood ratio of a rate p1 against p0), updated with a batch of n
 * conversations of which k violated: S ← max(0, S + k·ln(p1/p0) + (n−k)·ln((1−p1)/(1−p0))). It alarms when S ≥ h.
 * With h = ln(ARL), conversations between false alarms under p0 are at least ARL on average (Lorden), however
 * long it watches and however often it is looked at: there is no peeking bias to correct.
 */
export class BernoulliCusum {
  readonly up: number;
  readonly down: number;
  readonly h: number;
  s = 0;

  constructor(
    readonly p0: number,
    readonly p1: number,
    arl: number,
  ) {
    if (!(p0 > 0 && p0 < p1 && p1 < 1))
      throw new Error(`BernoulliCusum: expected 0 < p0 < p1 < 1, got ${p0}, ${p1}`);
    this.up = Math.log(p1 / p0);
    this.down = Math.log((1 - p1) / (1 - p0));
    this.h = Math.log(arl);
  }

  /** Adds a batch; true when the statistic crossed h (it is then reset to 0, ready to alarm again). */
  update(k: number, n: number): { alarm: boolean; s: number } {
    this.s = Math.max(0, this.s + k * this.up + (n - k) * this.down);
    if (this.s >= this.h) {
      const s = this.s;
      this.s = 0;
      return { alarm: true, s };
    }
    return { alarm: false, s: this.s };
  }
}
