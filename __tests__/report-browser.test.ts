import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderHtml } from '../src/report/html.js';
import { loadProject } from '../src/app/project.js';
import { runSuite } from '../src/runner/suite.js';
import { SimAgent } from '../src/target/sim/agent.js';
import { applyPolicy } from '../src/policy/load.js';
import { runGate, type GateFile } from '../src/verdict/gate.js';
import { hostileGate } from './helpers/hostile.js';
import { worseGate } from './helpers/worse.js';
import { loadIncident } from '../src/incident/load.js';
import { replayIncident } from '../src/incident/replay.js';
import { renderReplayHtml } from '../src/report/replay-html.js';
import { runCli } from './helpers/cli.js';
import { resultsFrom } from './helpers/results.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = resolve('artifacts', 'screenshots');

interface Opened {
  page: Page;
  requests: string[];
  problems: string[];
  dialogs: string[];
}

/** Opens a report from disk with every request recorded and anything but the file itself refused. */
async function open(browser: Browser, g: GateFile | string): Promise<Opened> {
  const dir = mkdtempSync(join(tmpdir(), 'sg-html-'));
  const file = join(dir, 'report.html');
  writeFileSync(file, typeof g === 'string' ? g : renderHtml(g));
  const url = pathToFileURL(file).href;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const o: Opened = { page, requests: [], problems: [], dialogs: [] };
  page.on('request', (r) => o.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') o.problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => o.problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    o.dialogs.push(d.message());
    void d.dismiss();
  });
  await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  await page.goto(url, { waitUntil: 'load' });
  return o;
}

describe('report.html in headless Chromium', () => {
  let browser: Browser;
  let gate: GateFile;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium package (.ci/run does)`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const project = await loadProject({});
    const run = (p: string) =>
      runSuite(project.cases, SimAgent.create(p), project.rules, {
        // sim:v2's drop is spread over many cases: 20 samples make several of them regressed cases on their own
        // (Fisher, Holm within the severity class, SPEC §6.3), whose transcripts the report shows.
        samples: 20,
        concurrency: 8,
        seed: 'browser',
        maxSteps: 8,
      });
    gate = runGate(await run('v1'), await run('v2'), { policy: applyPolicy() });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders the verdict, charts and tables with no console error and no network request; screenshot saved', async () => {
    const o = await open(browser, gate);
    const { page } = o;
    expect(await page.getAttribute('#verdict', 'data-verdict')).toBe('BLOCK');
    expect(await page.textContent('#verdict')).toMatch(
      /Delayed failures \(first failure at turn 3 or later\) rose/,
    );
    expect(await page.locator('#forest-plot .forest-row').count()).toBe(gate.categories.length + 1);
    const candidatePoints =
      (await page.getAttribute('#failure-curves polyline.curve-candidate', 'points')) ?? '';
    expect(candidatePoints.split(' ').length).toBe(gate.candidate.failureCurve.length);
    expect(await page.textContent('#power')).toMatch(/can detect regressions of \d+\.\d% or more/);
    expect(await page.locator('#policy').textContent()).toMatch(/sha256:/);
    const regressedRows = gate.cases.filter((c) => c.status === 'regressed').length;
    expect(regressedRows).toBeGreaterThan(0);
    expect(await page.locator('#cases tbody tr[data-status="regressed"]').count()).toBe(regressedRows);
    expect(await page.locator('details.transcript .msg.violating').count()).toBeGreaterThan(0);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'report.png'), fullPage: true });
    expect(o.problems).toEqual([]);
    expect(o.requests).toEqual([page.url()]);
  });

  it('release mode: the trend chart (three past gates, with intervals) and the criteria table render; labels stay text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-trend-html-'));
    const hostile = '<img src=x onerror=alert(1)>';
    const cases = (fail: number) =>
      Array.from({ length: 30 }, (_, i) => ({
        id: `c-${i}`,
        category: 'prompt_injection',
        b: Array(6).fill(0),
        c: Array(6).fill(i < fail ? 3 : 0),
      }));
    writeFileSync(join(dir, 'base.json'), JSON.stringify(resultsFrom(cases(0), 'b')));
    for (const [i, fail] of [0, 12, 3].entries())
      writeFileSync(join(dir, `c${i}.json`), JSON.stringify(resultsFrom(cases(fail), 'c', `${hostile}${i}`)));
    writeFileSync(
      join(dir, '.safety-gate.yml'),
      'policy: { maxMde: 1 }\nsignoff: { security: [alice], board: [], quorum: 1 }\nrelease: { checklists: [r.md] }\n',
    );
    writeFileSync(
      join(dir, 'r.md'),
      `- [x] Rollback rehearsed — @alice 2026-11-20\n- [ ] ${hostile} on-call ready\n`,
    );
    for (const i of [0, 1, 2]) {
      const r = await runCli(
        ['gate', '--baseline', 'base.json', '--candidate', `c${i}.json`, '--out-dir', `past${i}`],
        dir,
      );
      expect([0, 2]).toContain(r.code);
    }
    const r = await runCli(
      [
        'gate',
        '--baseline',
        'base.json',
        '--candidate',
        'c0.json',
        '--out-dir',
        'out',
        '--release',
        '--history',
        'past*/gate.json',
      ],
      dir,
    );
    expect(r.code).toBe(2);
    const o = await open(browser, readFileSync(join(dir, 'out', 'report.html'), 'utf8'));
    const { page } = o;
    const chart = page.locator('#trend-chart');
    const box = await chart.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThan(200);
    expect(await page.locator('#trend-chart .trend-panel').count()).toBe(3);
    expect(await page.locator('#trend-chart circle.trend-point').count()).toBe(9);
    expect(await page.locator('#trend-chart line.trend-ci').count()).toBe(6);
    // The middle gate (12 of 30 cases failing) sits lowest on the pass-rate panel: higher y in SVG.
    const ys = await page
      .locator('#trend-chart .trend-panel')
      .first()
      .locator('circle.trend-point')
      .evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('cy'))));
    expect(ys[1]).toBeGreaterThan(ys[0]);
    expect(ys[1]).toBeGreaterThan(ys[2]);
    expect(await page.locator('#trend-chart text.trend-label').first().textContent()).toContain('<img');
    expect(await page.locator('#release-criteria tr.met').count()).toBe(1);
    expect(await page.locator('#release-criteria tr.unmet').textContent()).toContain(
      `${hostile} on-call ready`,
    );
    expect(await page.locator('img').count()).toBe(0);
    expect(o.dialogs).toEqual([]);
    expect(o.problems).toEqual([]);
    expect(o.requests).toEqual([page.url()]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'report-release.png'), fullPage: true });
  });

  it('the case table filters and sorts', async () => {
    const { page } = await open(browser, hostileGate());
    const rows = page.locator('#cases tbody tr');
    await page.fill('#case-filter', 'no such case');
    expect(
      await rows.evaluateAll(
        (rs) =>
          rs.filter((r) => (r as unknown as { style: { display: string } }).style.display !== 'none').length,
      ),
    ).toBe(0);
    await page.fill('#case-filter', 'evil');
    expect(
      await rows.evaluateAll(
        (rs) =>
          rs.filter((r) => (r as unknown as { style: { display: string } }).style.display !== 'none').length,
      ),
    ).toBe(1);
    await page.click('#cases th[data-key="id"]');
    expect(await page.getAttribute('#cases th[data-key="id"]', 'aria-sort')).toBe('ascending');
  });

  it('shows every case the candidate failed, worst first, with transcripts; reasons name cases; WARN and BLOCK pills are distinct and legible', async () => {
    const g = worseGate();
    const o = await open(browser, g);
    const { page } = o;
    const ids = await page
      .locator('#cases tbody tr')
      .evaluateAll((rs) => rs.map((r) => r.getAttribute('data-id')));
    expect(ids).toHaveLength(24); // 23 that got worse + the promoted stress case failing 1/5 → 1/5
    expect(ids.slice(0, 6)).toEqual(['case-04', 'case-08', 'case-12', 'case-16', 'case-20', 'crit-exfil']);
    expect(ids).toContain('stress-promoted-7');
    const crit = page.locator('#cases tbody tr[data-id="crit-exfil"]');
    expect(await crit.getAttribute('data-status')).toBe('unchanged');
    expect((await crit.textContent())!.replace(/\s+/g, ' ')).toMatch(/5\/5 pass.*4\/5 pass.*−20%/);
    // A transcript per failing case, linked from its row.
    expect(await page.locator('details.transcript').count()).toBe(24);
    await page.click('#cases tbody tr[data-id="crit-exfil"] a');
    expect(await page.locator('details.transcript:target').count()).toBe(1);
    // Reasons in the banner name their cases.
    const reasons = await page.locator('#verdict li').allTextContents();
    expect(reasons.find((r) => /failure rate on high cases/.test(r))).toMatch(
      /Cases: case-05 \(high, 5\/5 → 4\/5\)/,
    );
    // Pills: different colours, each at least 4.5:1 against its own background.
    const lum = (rgb: string) => {
      const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((x) => {
        const c = Number(x) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    type Styled = {
      getComputedStyle(e: unknown): { color: string; backgroundColor: string; fontSize: string };
    };
    const pills = await Promise.all(
      ['BLOCK', 'WARN'].map(async (level) => {
        const st = await page
          .locator(`#verdict .tag.${level}`)
          .first()
          .evaluate((el) => {
            const s = (globalThis as unknown as Styled).getComputedStyle(el);
            return { fg: s.color, bg: s.backgroundColor, size: s.fontSize };
          });
        const [a, b] = [lum(st.fg), lum(st.bg)].sort((x, y) => y - x);
        return { ...st, contrast: (a + 0.05) / (b + 0.05), size: parseFloat(st.size) };
      }),
    );
    expect(pills[0].bg + pills[0].fg).not.toBe(pills[1].bg + pills[1].fg);
    for (const p of pills) {
      expect(p.contrast).toBeGreaterThanOrEqual(4.5);
      expect(p.size).toBeGreaterThanOrEqual(12);
    }
    // Per-side intervals and a readable timestamp.
    expect(await page.locator('#headline .card').first().textContent()).toMatch(/95% CI [\d.]+%–100\.0%/);
    expect(await page.locator('time').textContent()).toBe('2026-01-02 03:04 UTC');
    expect(await page.content()).not.toContain('SPEC');
    // Hiding unchanged rows leaves the others (regressed, suspect, new) among the failing cases.
    const notUnchanged = g.cases.filter(
      (c) => c.candidate && c.candidate.passes < c.candidate.valid && c.status !== 'unchanged',
    ).length;
    expect(notUnchanged).toBeGreaterThan(0);
    await page.uncheck('.status-toggle[value="unchanged"]');
    const visible = await page
      .locator('#cases tbody tr')
      .evaluateAll(
        (rs) =>
          rs.filter((r) => (r as unknown as { style: { display: string } }).style.display !== 'none').length,
      );
    expect(visible).toBe(notUnchanged);
    expect(o.problems).toEqual([]);
    expect(o.requests).toEqual([page.url().split('#')[0]]); // the file itself, nothing else
    await page.screenshot({ path: join(SCREENSHOTS, 'report-worse.png'), fullPage: true });
  });

  it('hostile model output stays text: no script runs, no element is injected', async () => {
    const o = await open(browser, hostileGate());
    const { page } = o;
    expect(o.dialogs).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('a[href^="http"]').count()).toBe(0);
    expect(await page.locator('details.transcript').first().textContent()).toContain(
      '<script>alert("x")</script>',
    );
    expect(o.problems).toEqual([]);
    expect(o.requests).toEqual([page.url()]);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-hostile.png'), fullPage: true });
  });
});

describe('replay.html in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('marks the cause and the failing turn, plots the blast radius, and keeps hostile log text inert', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-replay-html-'));
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const incidentFile = join(dir, 'inc.yml');
    writeFileSync(
      incidentFile,
      readFileSync('examples/incidents/inc-2026-0142.yml', 'utf8')
        .replace(/^title: .*$/m, `title: '${hostile}'`)
        .replace('content: Dana asks why invoice INV-204 shows VAT twice.', `content: '${hostile}'`),
    );
    const project = await loadProject({ withSuite: false });
    const replay = await replayIncident({
      incident: loadIncident(incidentFile),
      traffic: { path: 'examples/traffic/support-2026-10.jsonl', label: 'support-2026-10.jsonl' },
      rules: project.rules,
      delayedTurn: 3,
      target: SimAgent.create('v2'),
      samples: 20,
      concurrency: 4,
      seed: 'browser',
      maxSteps: 8,
      maxCases: 3,
      casesFile: 'cases/x.yml',
    });
    const o = await open(browser, renderReplayHtml(replay));
    const { page } = o;
    expect(await page.getAttribute('#verdict', 'data-verdict')).toBe('BLOCK');
    expect(await page.textContent('#root-cause')).toContain('indirect injection');
    const cause = page.locator('#incident-transcript .msg.cause');
    expect(await cause.count()).toBe(1);
    expect(await cause.textContent()).toContain('IMPORTANT NOTE TO THE AI ASSISTANT');
    expect(await page.locator('#incident-transcript .msg.violating').count()).toBeGreaterThan(0);
    expect(await page.locator('#blast-plot rect.bar').count()).toBe(3);
    expect(await page.locator('#reproducing .msg.violating').count()).toBeGreaterThan(0);
    expect(await page.textContent('h1')).toContain(hostile);
    expect(await page.textContent('#incident-transcript')).toContain(hostile);
    expect(o.dialogs).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(0);
    expect(o.problems).toEqual([]);
    expect(o.requests).toEqual([page.url()]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'replay.png'), fullPage: true });
  });
});
