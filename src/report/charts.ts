import type { GateFile } from '../verdict/gate.js';
import type { TrendPoint } from '../release/trend.js';

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

/** One panel of the trend chart: a value per past gate, with its interval when it has one. */
export interface TrendPanel {
  title: string;
  top: number;
  bottom: number;
  yTicks: Array<{ y: number; label: string }>;
  line: string;
  points: Array<{ x: number; y: number; lo?: number; hi?: number; tip: string }>;
}

export interface TrendChart {
  width: number;
  height: number;
  left: number;
  right: number;
  labels: Array<{ x: number; text: string }>;
  panels: TrendPanel[];
}

/**
 * The trend over past gates (oldest first): pass rate and delayed-failure rate with their exact 95% intervals, and
 * the suite size (cases). Geometry only; the template escapes every label.
 */
export function trendChart(points: TrendPoint[]): TrendChart | null {
  if (!points.length) return null;
  const left = 60;
  const right = W - 20;
  const panelH = 110;
  const gap = 56;
  const n = points.length;
  // Points are inset from the axes so the first and last labels fit.
  const inset = 80;
  const sx = (i: number) =>
    n === 1 ? (left + right) / 2 : left + inset + (i / (n - 1)) * (right - left - 2 * inset);
  const panel = (
    index: number,
    title: string,
    value: (p: TrendPoint) => number,
    ci: ((p: TrendPoint) => [number, number]) | null,
    max: number,
    fmt: (v: number) => string,
  ): TrendPanel => {
    const top = 34 + index * (panelH + gap);
    const bottom = top + panelH;
    const sy = (v: number) => bottom - (Math.max(0, Math.min(max, v)) / max) * (bottom - top);
    const pts = points.map((p, i) => {
      const c = ci?.(p);
      return {
        x: sx(i),
        y: sy(value(p)),
        lo: c ? sy(c[0]) : undefined,
        hi: c ? sy(c[1]) : undefined,
        tip: `${p.label} (${p.at.slice(0, 10)}): ${fmt(value(p))}${c ? ` [${fmt(c[0])}, ${fmt(c[1])}]` : ''}`,
      };
    });
    return {
      title,
      top,
      bottom,
      yTicks: [0, 0.5, 1].map((f) => ({ y: sy(f * max), label: fmt(f * max) })),
      line: pts.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' '),
      points: pts,
    };
  };
  const pct0 = (v: number) => `${(v * 100).toFixed(0)}%`;
  const maxDelayed = Math.min(1, Math.max(0.05, ...points.map((p) => p.delayedCi[1])));
  const maxCases = Math.max(1, ...points.map((p) => p.cases));
  const panels = [
    panel(
      0,
      'Pass rate (95% CI)',
      (p) => p.passRate,
      (p) => p.passCi,
      1,
      pct0,
    ),
    panel(
      1,
      'Delayed-failure rate (95% CI)',
      (p) => p.delayedFailureRate,
      (p) => p.delayedCi,
      maxDelayed,
      pct0,
    ),
    panel(
      2,
      'Suite size (cases)',
      (p) => p.cases,
      null,
      maxCases,
      (v) => String(Math.round(v)),
    ),
  ];
  return {
    width: W,
    height: 34 + 3 * (panelH + gap) - gap + 30,
    left,
    right,
    labels: points.map((p, i) => ({
      x: sx(i),
      text: p.label.length > 20 ? `${p.label.slice(0, 19)}…` : p.label,
    })),
    panels,
  };
}
