/** Indices of `ps` by ascending p (ties in input order): a typed index sort, no pair per p (20,000-case suites). */
function ascending(ps: number[]): Uint32Array {
  const order = new Uint32Array(ps.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((x, y) => ps[x] - ps[y] || x - y);
}

/** Holm step-down adjusted p-values (family-wise error), in the input order. */
export function holm(ps: number[]): number[] {
  const m = ps.length;
  const order = ascending(ps);
  const out = new Array<number>(m);
  let running = 0;
  for (let rank = 0; rank < m; rank++) {
    const i = order[rank];
    running = Math.max(running, Math.min(1, (m - rank) * ps[i]));
    out[i] = running;
  }
  return out;
}

/** Benjamini–Hochberg adjusted p-values (false discovery rate), in the input order. */
export function benjaminiHochberg(ps: number[]): number[] {
  const m = ps.length;
  const order = ascending(ps);
  const out = new Array<number>(m);
  let running = 1;
  for (let rank = m - 1; rank >= 0; rank--) {
    const i = order[rank];
    running = Math.min(running, (m / (rank + 1)) * ps[i]);
    out[i] = Math.min(1, running);
  }
  return out;
}
