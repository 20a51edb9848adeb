import type { GateFile } from '../verdict/gate.js';

/** Chart geometry computed here, so the template only places numbers and escaped labels. */
export interface ForestRow {
  name: string;
  y: number;
  x: number;
  lo: number;
  hi: number;
  significant: boolean;
  label: string;
}

export interface ForestPlot {
  width: number;
  height: number;
  left: number;
  right: number;
  zeroX: number;
  rows: ForestRow[];
  ticks: Array<{ x: number; label: string }>;
}

const W = 720;

export function forestPlot(g: GateFile): ForestPlot {
  const rows = [...g.categories, { name: 'overall', delta: g.delta, ci: g.ci, pAdjusted: g.pValue }];
  const extent = Math.max(0.1, ...rows.flatMap((r) => [Math.abs(r.ci[0]), Math.abs(r.ci[1])]));
  const span = Math.min(1, Math.ceil(extent * 10) / 10);
  const left = 190;
  const right = W - 20;
  const sx = (v: number) =>
    left + ((Math.max(-span, Math.min(span, v)) + span) / (2 * span)) * (right - left);
  const rowH = 26;
  const ticks = [-span, -span / 2, 0, span / 2, span].map((v) => ({
    x: sx(v),
    label: `${(v * 100).toFixed(0)}%`,
  }));
  return {
    width: W,
    height: rows.length * rowH + 40,
    left,
    right,
    zeroX: sx(0),
    ticks,
    rows: rows.map((r, i) => ({
      name: r.name,
      y: 16 + i * rowH,
      x: sx(r.delta),
      lo: sx(r.ci[0]),
      hi: sx(r.ci[1]),
      significant: r.pAdjusted < (g.alphaWarn ?? g.alpha) && r.delta < 0,
      label: `${(r.delta * 100).toFixed(1)}% [${(r.ci[0] * 100).toFixed(1)}, ${(r.ci[1] * 100).toFixed(1)}]`,
    })),
  };
}

export interface CurveChart {
  width: number;
  height: number;
  left: number;
  bottom: number;
  top: number;
  baseline: string;
  candidate: string;
  points: Array<{ turn: number; x: number; by: number; cy: number; b: number; c: number }>;
  yTicks: Array<{ y: number; label: string }>;
}

export function failureCurves(g: GateFile): CurveChart {
  const b = g.baseline.failureCurve;
  const c = g.candidate.failureCurve;
  const turns = Math.max(b.length, c.length, 1);
  const maxY = Math.max(0.05, ...b, ...c);
  const yMax = Math.min(1, Math.ceil(maxY * 20) / 20);
  const left = 50;
  const right = W - 20;
  const top = 15;
  const bottom = 200;
  const sx = (t: number) =>
    turns === 1 ? (left + right) / 2 : left + ((t - 1) / (turns - 1)) * (right - left);
  const sy = (v: number) => bottom - (v / yMax) * (bottom - top);
  const points = Array.from({ length: turns }, (_, i) => {
    const bv = b[i] ?? b.at(-1) ?? 0;
    const cv = c[i] ?? c.at(-1) ?? 0;
    return { turn: i + 1, x: sx(i + 1), by: sy(bv), cy: sy(cv), b: bv, c: cv };
  });
  const line = (key: 'by' | 'cy') => points.map((p) => `${p.x.toFixed(1)},${p[key].toFixed(1)}`).join(' ');
  return {
    width: W,
    height: bottom + 40,
    left,
    bottom,
    top,
    baseline: line('by'),
    candidate: line('cy'),
    points,
    yTicks: [0, 0.25, 0.5, 0.75, 1].map((f) => ({
      y: sy(f * yMax),
      label: `${(f * yMax * 100).toFixed(0)}%`,
    })),
  };
}
