import type { Replay } from '../incident/replay.js';
import type { Proportion } from '../stats/proportion.js';
import { pct, proportion } from '../util/format.js';
import { transcriptMessages } from './html.js';
import { htmlTemplate, REPORT_CSS } from './html-template.js';

/**
 * replay.html: the incident as it happened with its cause and failing turn marked, the blast radius as rates with
 * their exact intervals, the replay's outcome and a reproducing transcript. Self-contained like report.html,
 * rendered with eta's autoEscape: `<%~ %>` carries only markup built here from numbers.
 */
const TEMPLATE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Incident replay: <%= it.f.incident.id %> (<%= it.f.verdict %>)</title>
<style>
${REPORT_CSS}
.msg.cause { background: #fff8c5; border-left: 4px solid var(--warn); }
.bar { fill: var(--cand); } .whisker { stroke: var(--fg); stroke-width: 1.5; }
</style>
</head>
<body>
<main>
<h1>Incident replay: <%= it.f.incident.title %></h1>
<div class="muted"><code><%= it.f.incident.id %></code> · <%= it.f.incident.severity %> · occurred <%= it.f.incident.occurredAt %> ·
<% Object.keys(it.f.incident.environment).forEach(function (k) { %><%= k %> <code><%= String(it.f.incident.environment[k]) %></code> · <% }) %>
replayed on <code><%= it.f.target.name %></code> at <%= it.f.createdAt %></div>
<% if (it.f.target.simulated) { %><p class="sim">Simulated agent: the replay ran against a built-in simulated agent, not a real model.</p><% } %>

<section class="banner <%= it.f.verdict %>" id="verdict" data-verdict="<%= it.f.verdict %>">
  <div class="verdict"><%= it.f.verdict %></div>
  <div><%= it.f.statement %></div>
  <ul><% it.f.reasons.forEach(function (r) { %><li><span class="tag"><%= r.level %></span><%= r.message %></li><% }) %></ul>
</section>

<h2>Root cause</h2>
<div class="cards" id="root-cause">
  <div class="card"><div class="label">Category</div><div class="value"><%= it.rc.category %></div><div class="sub"><%= it.rc.labelledBy === 'incident' ? 'labelled in the incident; inferred ' + it.rc.inferredCategory : 'inferred' %></div></div>
  <div class="card"><div class="label">Mechanism</div><div class="value"><%= it.mechanism %></div><div class="sub"><%= it.causeText %></div></div>
  <div class="card"><div class="label">Broken rule</div><div class="value"><%= it.rc.rule %></div><div class="sub"><%= it.rc.ruleTaxonomy %>, <%= it.rc.ruleSeverity %></div></div>
  <div class="card"><div class="label">Failing turn</div><div class="value"><%= it.rc.turn %> of <%= it.rc.turns %></div><div class="sub"><%= it.rc.delayed ? 'delayed failure' : 'early failure' %></div></div>
</div>
<ul><% it.rc.signals.forEach(function (s) { %><li><%= s %></li><% }) %></ul>

<h2>The conversation as it happened</h2>
<div class="transcript" id="incident-transcript">
<% it.logged.forEach(function (m) { %><div class="msg<%= m.cls %>"><div class="role"><%= m.role %> · turn <%= m.turn %><%= m.note %></div><% if (m.content) { %><pre><%= m.content %></pre><% } %><% m.calls.forEach(function (c) { %><pre>→ <%= c %></pre><% }) %></div>
<% }) %>
<% it.rc.violations.forEach(function (v) { %><p class="evidence"><strong><%= v.rule %></strong> at turn <%= v.turn %>: <%= v.evidence %></p><% }) %>
</div>

<h2>Blast radius</h2>
<% if (!it.b) { %><p class="muted" id="blast">No traffic log was given: the blast radius was not measured.</p><% } else { %>
<p id="blast"><%= it.b.conversations.toLocaleString('en-US') %> logged conversations in <code><%= it.b.log %></code>, graded with <% it.b.rules.forEach(function (r, i) { %><%= i ? ', ' : '' %><code><%= r %></code><% }) %>. Rates with exact (Clopper–Pearson) 95% intervals.</p>
<%~ it.plot %>
<% if (it.b.volume) { %><p>Across the <%= it.b.volume.conversations.toLocaleString('en-US') %> conversations of the period<%= it.b.volume.period ? ' (' + it.b.volume.period + ')' : '' %>: about <strong><%= it.b.volume.affected.toLocaleString('en-US') %></strong> failed the same way (95% CI <%= it.b.volume.ci[0].toLocaleString('en-US') %>–<%= it.b.volume.ci[1].toLocaleString('en-US') %>).</p><% } %>
<% it.b.notes.forEach(function (n) { %><p class="muted"><%= n %></p><% }) %>
<% if (it.b.examples.length) { %><table id="affected"><tr><th>Conversation</th><th>Line</th><th>Turn</th><th>Rule</th><th>Met the cause</th></tr>
<% it.b.examples.forEach(function (e) { %><tr><td><code><%= e.id %></code></td><td><%= e.line %></td><td><%= e.turn %></td><td><%= e.rule %></td><td><%= e.exposed === null ? '—' : e.exposed ? 'yes' : 'no' %></td></tr><% }) %>
</table><% } %>
<% } %>

<h2>Replay</h2>
<table id="replay"><tr><th>Case</th><th>Role</th><th>Samples</th><th>Errors</th><th>Failed again</th></tr>
<% it.f.replay.forEach(function (c) { %><tr><td><code><%= c.id %></code></td><td><%= c.role %></td><td><%= c.samples %></td><td><%= c.errors %></td><td><%= it.prop(c.reproduced) %></td></tr><% }) %>
</table>
<% if (it.reproducing) { %>
<details class="transcript" open id="reproducing"><summary>A replay that failed again (sample <%= it.reproducing.sample %>, turn <%= it.reproducing.turn %>)</summary>
<% it.reproducing.messages.forEach(function (m) { %><div class="msg<%= m.violating ? ' violating' : '' %>"><div class="role"><%= m.role %> · turn <%= m.turn %></div><% if (m.content) { %><pre><%= m.content %></pre><% } %><% m.calls.forEach(function (c) { %><pre>→ <%= c %></pre><% }) %></div>
<% }) %>
</details>
<% } %>

<h2>New regression cases</h2>
<ul id="cases"><% it.f.cases.forEach(function (c) { %><li><code><%= c.id %></code> (<%= c.role %>): <%= c.title %></li><% }) %></ul>
<p class="muted">Written to <code><%= it.f.cases[0].file %></code><%= it.f.secretsReplaced ? '; ' + it.f.secretsReplaced + ' secret value(s) from the logs were replaced by same-shape fakes' : '' %>. Review them and copy them into the suite.</p>
</main>
</body>
</html>
`;

const render = htmlTemplate(TEMPLATE);

const prop = proportion;

/** Rates as bars with their intervals as whiskers, on a shared 0..max scale. */
function intervalPlot(rows: Array<{ label: string; p: Proportion }>): string {
  const shown = rows.filter((r) => r.p.rate !== null);
  if (!shown.length) return '';
  const w = 640;
  const left = 230;
  const rowH = 30;
  const h = shown.length * rowH + 24;
  const max = Math.min(1, Math.max(...shown.map((r) => r.p.ci[1])) * 1.1) || 1;
  const x = (v: number) => left + (v / max) * (w - left - 20);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const bars = shown
    .map((r, i) => {
      const y = 8 + i * rowH;
      return (
        `<text x="${left - 8}" y="${y + 15}" text-anchor="end">${esc(r.label)}</text>` +
        `<rect class="bar" x="${left}" y="${y + 4}" width="${(x(r.p.rate!) - left).toFixed(1)}" height="14"></rect>` +
        `<line class="whisker" x1="${x(r.p.ci[0]).toFixed(1)}" x2="${x(r.p.ci[1]).toFixed(1)}" y1="${y + 11}" y2="${y + 11}"></line>` +
        `<text x="${(x(r.p.ci[1]) + 6).toFixed(1)}" y="${y + 15}">${pct(r.p.rate!)}</text>`
      );
    })
    .join('');
  return `<svg id="blast-plot" role="img" aria-label="blast radius rates with 95% intervals" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><line class="axis" x1="${left}" x2="${left}" y1="0" y2="${h - 16}"></line>${bars}<text x="${left}" y="${h - 2}">0</text><text x="${w - 20}" y="${h - 2}" text-anchor="end">${pct(max, 0)}</text></svg>`;
}

export function renderReplayHtml(r: Replay): string {
  const f = r.file;
  const rc = f.rootCause;
  const b = f.blastRadius;
  const failTurn = rc.turn;
  const logged = transcriptMessages(f.conversation, failTurn).map((m, i) => ({
    ...m,
    cls: rc.origin?.index === i ? ' cause' : m.violating ? ' violating' : '',
    note: rc.origin?.index === i ? ' · the cause' : '',
  }));
  const firstFailing = r.results.cases[0]?.samples.findIndex((s) => !s.error && !s.passed) ?? -1;
  const sample = firstFailing >= 0 ? r.results.cases[0].samples[firstFailing] : undefined;
  return render({
    f,
    rc,
    b,
    prop,
    logged,
    mechanism: rc.mechanism.replace(/_/g, ' '),
    causeText: rc.origin
      ? `${rc.origin.role === 'tool' ? `result of ${rc.origin.tool ?? 'a tool'}` : `${rc.origin.role} message`}, turn ${rc.origin.turn}`
      : '',
    plot: b
      ? intervalPlot([
          ...(b.exposed ? [{ label: 'met the cause', p: b.exposed }] : []),
          { label: 'failed the same rules', p: b.affected },
          ...(b.affectedWhenExposed
            ? [{ label: 'failed, of those that met it', p: b.affectedWhenExposed }]
            : []),
        ])
      : '',
    reproducing: sample
      ? {
          sample: firstFailing,
          turn: sample.firstFailureTurn,
          messages: transcriptMessages(sample.transcript ?? [], sample.firstFailureTurn),
        }
      : null,
  });
}
