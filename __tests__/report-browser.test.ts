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
import { loadIncident } from '../src/incident/load.js';
import { replayIncident } from '../src/incident/replay.js';
import { renderReplayHtml } from '../src/report/replay-html.js';

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
