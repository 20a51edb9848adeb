import type { MonitorFile } from '../monitor/run.js';
import { pct, pvalue } from '../util/format.js';
import { htmlTemplate, REPORT_CSS } from './html-template.js';

/**
 * monitor.html: the verdict with its reasons, both sides' rates, every comparison of the family and the drift
 * windows. Self-contained like report.html, rendered with eta's autoEscape; `<%~ %>` is not used at all.
 */
const TEMPLATE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Canary monitor: <%= it.f.verdict %></title>
<style>
${REPORT_CSS}
.banner.PROMOTE { background: var(--ok); } .banner.HOLD { background: var(--warn); } .banner.ROLLBACK { background: var(--block); }
.status.significant_below_threshold { color: var(--warn); } tr.alert td { background: #ffebe9; }
</style>
</head>
<body>
<main>
<h1>Canary monitor<%= it.f.mode === 'shadow' ? ' (shadow evaluation)' : '' %></h1>
<div class="muted">control <code><%= it.f.control.log %></code> · <%= it.f.mode === 'shadow' ? 'shadow' : 'canary' %> <code><%= it.f.canary.log %></code> · <%= it.f.createdAt %><%= it.f.partial ? ' · still watching' : '' %></div>

<section class="banner <%= it.f.verdict %>" id="verdict" data-verdict="<%= it.f.verdict %>">
  <div class="verdict"><%= it.f.verdict %></div>
  <ul><% it.f.reasons.forEach(function (r) { %><li><span class="tag"><%= r.level %></span><%= r.message %></li><% }) %></ul>
</section>

<div class="cards">
  <div class="card"><div class="label">Control violation rate</div><div class="value"><%= it.pct(it.f.control.rate, 2) %></div><div class="sub"><%= it.f.control.flagged %> of <%= it.f.control.conversations %> conversations</div></div>
  <div class="card"><div class="label"><%= it.f.mode === 'shadow' ? 'Shadow' : 'Canary' %> violation rate</div><div class="value"><%= it.pct(it.f.canary.rate, 2) %></div><div class="sub"><%= it.f.canary.flagged %> of <%= it.f.canary.conversations %> conversations</div></div>
  <div class="card"><div class="label">Overall increase, upper bound</div><div class="value"><%= it.pp(it.f.upperBound) %></div><div class="sub">one-sided <%= it.pct(1 - it.f.policy.alpha, 0) %>; PROMOTE needs &lt; <%= it.pp(it.f.policy.minEffect) %></div></div>
  <div class="card"><div class="label">Misuse false-negative rate</div><div class="value"><%= it.fn(it.f.canary) %></div><div class="sub">control <%= it.fn(it.f.control) %>: misuse-labelled conversations that got through</div></div>
</div>
<% if (it.f.needed) { %><p id="needed">Traffic needed: about <strong><%= it.f.needed.perSide %></strong> conversations per side (<%= it.f.needed.control %> more on control, <%= it.f.needed.canary %> more on canary).</p><% } %>
<% if (it.f.notes.length) { %><ul><% it.f.notes.forEach(function (n) { %><li><%= n %></li><% }) %></ul><% } %>

<h2>Comparisons</h2>
<p class="muted">One-sided Fisher exact test per row (H1: the canary's rate is higher), Holm-adjusted across all <%= it.f.rows.length %> rows (family-wise α = <%= it.f.policy.alpha %>); 95% intervals for the change are Newcombe hybrid score intervals.</p>
<table id="rows"><thead><tr><th>family</th><th>name</th><th>category</th><th>severity</th><th>control</th><th>canary</th><th>change [95% CI]</th><th>p</th><th>p (Holm)</th><th>threshold</th><th>status</th></tr></thead><tbody>
<% it.rows.forEach(function (r) { %><tr class="<%= r.status === 'regressed' ? 'alert' : '' %>"><td><%= r.family %></td><td><code><%= r.name %></code></td><td><%= r.category || '' %></td><td><%= r.severity || '' %></td><td><%= r.control.k %>/<%= r.control.n %> (<%= it.pct(r.control.rate || 0, 2) %>)</td><td><%= r.canary.k %>/<%= r.canary.n %> (<%= it.pct(r.canary.rate || 0, 2) %>)</td><td><%= it.pp(r.diff) %> [<%= it.pp(r.ci[0]) %>, <%= it.pp(r.ci[1]) %>]</td><td><%= it.pvalue(r.pValue) %></td><td><%= it.pvalue(r.pAdjusted) %></td><td><%= it.pp(r.margin) %></td><td class="status <%= r.status %>"><%= r.status.replace(/_/g, ' ') %></td></tr>
<% }) %></tbody></table>

<% if (it.f.drift) { %>
<h2>Drift (<%= it.f.drift.window %> windows, reference: <%= it.f.drift.reference %>)</h2>
<p class="muted">Per window: a G test of the flagged-category mix against the reference (α = <%= it.f.policy.drift.alpha %> per window) and a Bernoulli CUSUM on the violation rate (alarm at h = ln(<%= it.f.policy.drift.arl %>)).<%= it.f.drift.late ? ' ' + it.f.drift.late + ' conversations arrived after their window closed.' : '' %></p>
<table id="windows"><thead><tr><th>window start</th><th>conversations</th><th>violation rate</th><th>reference</th><th>mix G (p)</th><th>CUSUM</th><th>alerts</th></tr></thead><tbody>
<% it.f.drift.windows.forEach(function (w) { %><tr class="<%= w.alerts.length ? 'alert' : '' %>"><td><%= w.start %></td><td><%= w.conversations %></td><td><%= it.pct(w.rate, 2) %></td><td><%= w.referenceRate === null ? '—' : it.pct(w.referenceRate, 2) %></td><td><%= w.mix ? w.mix.g.toFixed(1) + ' (' + it.pvalue(w.mix.pValue) + ')' : (w.mixSkipped || '—') %></td><td><%= w.cusum ? w.cusum.s.toFixed(1) + ' / ' + w.cusum.h.toFixed(1) : '—' %></td><td><%= w.alerts.join('; ') %></td></tr>
<% }) %></tbody></table>
<% } %>

<h2>Rules and policy</h2>
<p><% it.f.rules.forEach(function (r) { %><code><%= r.id %></code> (<%= r.category %>, <%= r.severity %>) <% }) %></p>
<% if (Object.keys(it.f.examples).length) { %><p class="muted">Example flagged <%= it.f.mode === 'shadow' ? 'shadow' : 'canary' %> conversations (ids): <% Object.keys(it.f.examples).forEach(function (k) { %><code><%= k %></code>: <%= it.f.examples[k].join(', ') %>. <% }) %></p><% } %>
<pre><%= JSON.stringify(it.f.policy, null, 2) %></pre>
</main>
</body>
</html>
`;

const render = htmlTemplate(TEMPLATE);

export function renderMonitorHtml(f: MonitorFile): string {
  const pp = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(2)} pp`;
  const fn = (s: MonitorFile['control']) =>
    s.misuse.falseNegativeRate === null
      ? '—'
      : `${pct(s.misuse.falseNegativeRate, 2)} (${s.misuse.gotThrough}/${s.misuse.conversations})`;
  return render({
    f,
    rows: [...f.rows].sort((a, b) => a.pAdjusted - b.pAdjusted),
    pct,
    pp,
    pvalue,
    fn,
  });
}
