/**
 * Thompson sampling over Bernoulli arms: each arm keeps Beta(1 + wins, 1 + losses); the arm with the largest draw
 * is played. It spends rollouts where failures are being found without ever starving an arm, which is what makes
 * a red-teaming budget adaptive. Draws come from the caller's seeded stream, so a search is reproducible.
 */
export class Bandit<K extends string> {
  private readonly stats = new Map<K, { wins: number; plays: number }>();

  constructor(readonly arms: readonly K[]) {
    if (arms.length === 0) throw new Error('a bandit needs at least one arm');
    for (const a of arms) this.stats.set(a, { wins: 0, plays: 0 });
  }

  choose(rand: () => number): K {
    let best = this.arms[0];
    let bestDraw = -1;
    for (const a of this.arms) {
      const s = this.stats.get(a)!;
      const draw = sampleBeta(1 + s.wins, 1 + s.plays - s.wins, rand);
      if (draw > bestDraw) {
        best = a;
        bestDraw = draw;
      }
    }
    return best;
  }

  update(arm: K, won: boolean): void {
    const s = this.stats.get(arm)!;
    s.plays++;
    if (won) s.wins++;
  }

  snapshot(): Array<{ arm: K; plays: number; wins: number }> {
    return this.arms.map((arm) => ({ arm, ...this.stats.get(arm)! }));
  }
}

/** Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function sampleBeta(a: number, b: number, rand: () => number): number {
  const x = sampleGamma(a, rand);
  const y = sampleGamma(b, rand);
  return x / (x + y);
}

/** Marsaglia and Tsang (2000) for shape >= 1; the boost Gamma(a) = Gamma(a + 1) * U^(1/a) below 1. */
export function sampleGamma(shape: number, rand: () => number): number {
  if (shape < 1) return sampleGamma(shape + 1, rand) * Math.pow(1 - rand(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rand);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rand();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

function normal(rand: () => number): number {
  // Box–Muller; 1 - rand() keeps log away from 0.
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}
