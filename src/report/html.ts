import { Eta } from 'eta';
import type { GateFile } from '../verdict/gate.js';
import type { CaseStats } from '../verdict/compare.js';
import { pct, pvalue, signedPct } from '../util/format.js';
import { failureCurves, forestPlot } from './charts.js';
import { REPORT_TEMPLATE } from './html-template.js';

const eta = new Eta({ autoEscape: true, autoTrim: false });
let compiled: ReturnType<Eta['compile']> | undefined;

/** Rows past this stay in gate.json: a 20,000-case report must still open in a browser. */
const MAX_TABLE_ROWS = 2000;
const MAX_TRANSCRIPTS = 50;
const MAX_TEXT = 4000;

const SEVERITY_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };
const STATUS_ORDER: Record<string, number> = { regressed: 0, removed: 1, new: 2, fixed: 3, unchanged: 4 };

function clip(text: string): string {
  return text.length > MAX_TEXT
    ? `${text.slice(0, MAX_TEXT)}… [${text.length - MAX_TEXT} more characters]`
    : text;
}

function rate(s: CaseStats['baseline']): { num: string; text: string } {
  if (!s) return { num: '', text: '—' };
  if (s.passRate === null) return { num: '', text: `errors only (${s.errors})` };
  return {
    num: String(s.passRate),
    text: `${s.passes}/${s.valid} pass${s.errors ? `, ${s.errors} errors` : ''}`,
  };
}

/** Case ids are untrusted: anchors are derived, never the raw id. */
function anchorFor(index: number): string {
  return `case-${index}`;
}

export function transcriptMessages(entries: Array<Record<string, unknown>>, failTurn: number | null) {
  return entries.map((m) => {
    const calls = Array.isArray(m.tool_calls)
      ? (m.tool_calls as Array<{ function?: { name?: unknown; arguments?: unknown } }>).map(
          (c) => `${String(c.function?.name ?? '?')}(${clip(String(c.function?.arguments ?? ''))})`,
        )
      : [];
    const turn = typeof m.turn === 'number' ? m.turn : 0;
    return {
      role: String(m.role ?? '?'),
      turn,
      content: typeof m.content === 'string' ? clip(m.content) : '',
      calls,
      violating: failTurn !== null && turn === failTurn && m.role !== 'user' && m.role !== 'system',
    };
  });
}

export function renderHtml(g: GateFile): string {
  const changed = g.cases
    .filter((c) => c.status !== 'unchanged')
    .sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        (a.pAdjusted ?? 1) - (b.pAdjusted ?? 1),
    );
  const counts: Record<string, number> = { regressed: 0, fixed: 0, new: 0, removed: 0 };
  for (const c of changed) counts[c.status]++;
  const shown = changed.slice(0, MAX_TABLE_ROWS);
  const tableCases = shown.map((c, i) => {
    const b = rate(c.baseline);
    const k = rate(c.candidate);
    return {
      id: c.id,
      title: c.title ?? '',
      category: c.category,
      severity: c.severity,
      severityRank: SEVERITY_RANK[c.severity],
      status: c.status,
      baseRate: b.num,
      candRate: k.num,
      baseText: b.text,
      candText: k.text,
      p: c.pAdjusted ?? '',
      pText: c.pAdjusted === null ? '—' : pvalue(c.pAdjusted),
      anchor: anchorFor(i),
      example: Boolean(c.example) && c.status === 'regressed' && i < MAX_TRANSCRIPTS,
    };
  });
  const transcripts = shown
    .map((c, i) => ({ c, i }))
    .filter(({ c, i }) => c.status === 'regressed' && c.example && i < MAX_TRANSCRIPTS)
    .map(({ c, i }) => ({
      id: c.id,
      title: c.title ?? '',
      anchor: anchorFor(i),
      sample: c.example!.sample,
      firstFailureTurn: c.example!.firstFailureTurn,
      violations: c.example!.violations.map((v) => ({ ...v, evidence: clip(v.evidence) })),
      messages: transcriptMessages(c.example!.transcript, c.example!.firstFailureTurn),
    }));
  const p = g.policy.policy;
  const policyRows: Array<[string, string]> = [
    ['alphaBlock', String(p.alphaBlock)],
    ['alphaWarn', String(p.alphaWarn)],
    ['minRegression', pct(p.minRegression)],
    ['warnRegression', pct(p.warnRegression)],
    ['maxDelayedIncrease', pct(p.maxDelayedIncrease)],
    ['delayedTurn', String(p.delayedTurn)],
    ['maxErrorRate', pct(p.maxErrorRate)],
    ['maxMde', pct(p.maxMde)],
    [
      'maxFailureRate',
      Object.entries(p.maxFailureRate)
        .map(([k, v]) => `${k}: ${pct(v ?? 0)}`)
        .join(', ') || 'none',
    ],
  ];
  compiled ??= eta.compile(REPORT_TEMPLATE);
  return eta.render(compiled, {
    g,
    pct,
    signedPct,
    pvalue,
    forest: forestPlot(g),
    curves: failureCurves(g),
    tableCases,
    truncated: changed.length - shown.length,
    counts,
    transcripts,
    policyRows,
    simulated: Boolean(g.baseline.target.simulated || g.candidate.target.simulated),
  });
}
