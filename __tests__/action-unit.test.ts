// The action's edge without a build: inputs, outputs, fork / read-only / no-token handling and PR resolution, with
// @actions/core, @actions/github and the gate use case replaced. The bundle is tested end to end in action.test.ts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import * as core from '../__fixtures__/core.js';
import { resultsFrom } from './helpers/results.js';
import { runGate, type GateFile } from '../src/verdict/gate.js';
import { applyPolicy } from '../src/policy/load.js';
import { renderSummary } from '../src/report/markdown.js';
import { resolvePullRequest, type GateEvent, type PullsApi } from '../src/github/event.js';
import type { ChangeGate, ChangeGateOptions } from '../src/app/gate.js';

const gateChange = jest.fn<(o: ChangeGateOptions) => Promise<ChangeGate>>();
const getOctokit = jest.fn<(token: string) => unknown>();
jest.unstable_mockModule('@actions/core', () => core);
jest.unstable_mockModule('@actions/github', () => ({ getOctokit }));
// The rest of the module stays real: other use cases (release mode) import its helpers.
const actualGate = await import('../src/app/gate.js');
jest.unstable_mockModule('../src/app/gate.js', () => ({ ...actualGate, gateChange, runChange: jest.fn() }));

const { run } = await import('../src/action/main.js');
const { readInputs } = await import('../src/action/inputs.js');
const { gateOutputs, errorOutputs } = await import('../src/action/outputs.js');

function gateFile(regressed: boolean): GateFile {
  const cases = Array.from({ length: 30 }, (_, i) => ({
    id: `c${i}`,
    category: 'jailbreak',
    b: [0, 0, 0],
    c: regressed && i < 12 ? [1, 1, 1] : [0, 0, 0],
  }));
  return runGate(resultsFrom(cases, 'b'), resultsFrom(cases, 'c'), {
    policy: applyPolicy(undefined, undefined, 'test'),
  });
}

/** What gateChange returns, with the summary.md it writes (the action posts that file). */
function changeGate(g: GateFile, dir: string): ChangeGate {
  writeFileSync(join(dir, 'summary.md'), renderSummary(g));
  return {
    gate: g,
    files: {
      gate: join(dir, 'gate.json'),
      html: join(dir, 'report.html'),
      summary: join(dir, 'summary.md'),
      junit: '',
    },
    baselineFile: '',
    candidateFile: '',
    headDir: dir,
    headSha: 'b'.repeat(40),
  };
}

/** A workflow event on disk and the environment that names it. */
function useEvent(name: string, payload: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'sg-action-unit-'));
  writeFileSync(join(dir, 'event.json'), JSON.stringify(payload));
  Object.assign(process.env, {
    GITHUB_EVENT_NAME: name,
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_REPOSITORY: 'acme/agent',
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
  });
  delete process.env.GITHUB_STEP_SUMMARY;
  delete process.env.ACTIONS_RUNTIME_TOKEN;
  return dir;
}

const pr = (fork: boolean) => ({
  pull_request: {
    number: 7,
    base: { sha: 'a'.repeat(40), repo: { full_name: 'acme/agent' } },
    head: { sha: 'b'.repeat(40), ref: 'feature', repo: { full_name: fork ? 'mallory/agent' : 'acme/agent' } },
    user: { login: 'author' },
  },
});

beforeEach(() => {
  core.reset();
  gateChange.mockReset();
  getOctokit.mockReset();
});

describe('action inputs', () => {
  it('defaults: mode gate, fail-on block, comments on, the check name', () => {
    core.reset({ 'github-token': 't' });
    expect(readInputs()).toMatchObject({
      mode: 'gate',
      failOn: 'block',
      comment: true,
      checkName: 'Safety gate',
      artifactName: 'safety-gate',
      token: 't',
    });
  });

  it('names the input and what was expected', () => {
    core.reset({ mode: 'deploy' });
    expect(() => readInputs()).toThrow(
      'input mode: expected one of gate, run, stress, replay, merge, release, monitor, rejudge, got "deploy"',
    );
    core.reset({ 'audit-branch': '../main' });
    expect(() => readInputs()).toThrow('input audit-branch: expected a branch name, got "../main"');
    core.reset({ samples: '0' });
    expect(() => readInputs()).toThrow('input samples: expected a whole number >= 1, got "0"');
    core.reset({ shard: '3/2' });
    expect(() => readInputs()).toThrow(/shard/);
  });
});

describe('action outputs', () => {
  it('carry the verdict, exit code and numbers of a gate', () => {
    const g = gateFile(true);
    expect(gateOutputs(g, '/r/report.html')).toEqual({
      verdict: 'BLOCK',
      'exit-code': '2',
      'p-value': String(g.pValue),
      delta: String(g.delta),
      'baseline-pass-rate': '1',
      'candidate-pass-rate': '0.6',
      'report-path': '/r/report.html',
    });
  });

  it('an error is ERROR and exit 3, never a verdict', () => {
    expect(errorOutputs()).toEqual({ verdict: 'ERROR', 'exit-code': '3' });
  });
});

describe('pull request resolution', () => {
  const comment: GateEvent = {
    name: 'issue_comment',
    owner: 'acme',
    repo: 'agent',
    prNumber: 7,
    fork: false,
  };
  const api = (headRepo: string | null): PullsApi => ({
    rest: {
      pulls: {
        get: async () => ({
          data: {
            base: { sha: 'a'.repeat(40), repo: { full_name: 'acme/agent' } },
            head: { sha: 'b'.repeat(40), ref: 'x', repo: headRepo ? { full_name: headRepo } : null },
            user: { login: 'author' },
          },
        }),
      },
    },
  });

  it('looks up the commits and author of a comment on a same-repository pull request', async () => {
    await expect(resolvePullRequest(comment, api('acme/agent'))).resolves.toMatchObject({
      baseSha: 'a'.repeat(40),
      headSha: 'b'.repeat(40),
      author: 'author',
      fork: false,
    });
  });

  it('refuses a comment on a fork pull request (or a deleted fork), and needs a token', async () => {
    await expect(resolvePullRequest(comment, api('mallory/agent'))).rejects.toThrow(
      /fork cannot be re-gated/,
    );
    await expect(resolvePullRequest(comment, api(null))).rejects.toThrow(/fork cannot be re-gated/);
    await expect(resolvePullRequest(comment, undefined)).rejects.toThrow(/needs github-token/);
  });

  it('leaves other events as they are', async () => {
    const ev: GateEvent = { name: 'pull_request', owner: 'a', repo: 'b', headSha: 'c', fork: false };
    await expect(resolvePullRequest(ev, undefined)).resolves.toBe(ev);
  });
});

describe('action run (gate mode)', () => {
  it('a fork pull request: no API client, a notice, no sign-offs read; BLOCK fails the step with outputs set', async () => {
    const dir = useEvent('pull_request', pr(true));
    core.reset({ 'github-token': 't' });
    gateChange.mockResolvedValue(changeGate(gateFile(true), dir));
    await run();
    expect(getOctokit).not.toHaveBeenCalled();
    expect(core.notice).toHaveBeenCalledWith(expect.stringContaining('pull request from a fork'));
    expect(gateChange.mock.calls[0][0]).toMatchObject({
      baseRef: 'a'.repeat(40),
      headRef: 'b'.repeat(40),
      signoffs: undefined,
    });
    expect(core.outputs).toMatchObject({
      verdict: 'BLOCK',
      'exit-code': '2',
      'check-run-id': '',
      'comment-id': '',
    });
    expect(core.setFailed).toHaveBeenCalledWith(expect.stringMatching(/^Safety gate: BLOCK/));
  });

  it('no token: a notice, and an OK passes the step', async () => {
    const dir = useEvent('pull_request', pr(false));
    gateChange.mockResolvedValue(changeGate(gateFile(false), dir));
    await run();
    expect(core.notice).toHaveBeenCalledWith('Safety gate: no github-token: no check run or comment.');
    expect(core.outputs.verdict).toBe('OK');
    expect(core.setFailed).not.toHaveBeenCalled();
  });

  it('a read-only token (403 on the check run): a notice, the verdict is still published', async () => {
    const dir = useEvent('pull_request', pr(false));
    core.reset({ 'github-token': 't', comment: 'false' });
    const denied = Object.assign(new Error('Resource not accessible by integration'), { status: 403 });
    getOctokit.mockReturnValue({ rest: { checks: { create: async () => Promise.reject(denied) } } });
    gateChange.mockResolvedValue(changeGate(gateFile(false), dir));
    await run();
    expect(core.notice).toHaveBeenCalledWith(
      expect.stringContaining('could not create the check run (HTTP 403'),
    );
    expect(core.outputs).toMatchObject({ verdict: 'OK', 'check-run-id': '' });
    expect(core.setFailed).not.toHaveBeenCalled();
  });

  it('an error in the use case: outputs ERROR / 3 and the step fails with what broke', async () => {
    useEvent('pull_request', pr(false));
    gateChange.mockRejectedValue(new Error('HTTP 401: Incorrect API key'));
    await run();
    expect(core.outputs).toEqual({ verdict: 'ERROR', 'exit-code': '3' });
    expect(core.setFailed).toHaveBeenCalledWith('error: HTTP 401: Incorrect API key');
  });

  it('merge mode without both results inputs is an error, before any agent runs', async () => {
    useEvent('pull_request', pr(false));
    core.reset({ mode: 'merge', 'baseline-results': 'b/*.json' });
    await run();
    expect(gateChange).not.toHaveBeenCalled();
    expect(core.setFailed).toHaveBeenCalledWith(expect.stringContaining('go together'));
  });
});

describe("workflow_run holds the secrets: a fork's code never runs there", () => {
  const workflowRun = (headRepo: string | null) => ({
    workflow_run: {
      event: 'pull_request',
      head_sha: 'b'.repeat(40),
      head_repository: headRepo === null ? null : { full_name: headRepo },
      repository: { full_name: 'acme/agent' },
      pull_requests: [],
    },
  });

  it("triggered by a fork's pull request: gate, run, replay, stress and release modes refuse before any agent runs", async () => {
    const { runChange } = await import('../src/app/gate.js');
    for (const mode of ['gate', 'run', 'replay', 'stress', 'release']) {
      useEvent('workflow_run', workflowRun('mallory/agent'));
      core.reset({ mode, incident: 'incident.yml', 'baseline-ref': 'a'.repeat(40) });
      await run();
      expect(gateChange).not.toHaveBeenCalled();
      expect(runChange).not.toHaveBeenCalled();
      expect(core.setFailed).toHaveBeenCalledWith(
        expect.stringMatching(
          /workflow_run was triggered by a fork's pull request.*will not run the fork's agent/,
        ),
      );
      expect(core.outputs).toMatchObject({ verdict: 'ERROR', 'exit-code': '3' });
    }
  });

  it('a payload that does not name the head repository is treated as a fork', async () => {
    useEvent('workflow_run', workflowRun(null));
    await run();
    expect(gateChange).not.toHaveBeenCalled();
    expect(core.setFailed).toHaveBeenCalledWith(expect.stringMatching(/triggered by a fork's pull request/));
  });

  it("gating the results a fork's pull_request run uploaded runs no head code: allowed", async () => {
    const dir = useEvent('workflow_run', workflowRun('mallory/agent'));
    core.reset({ 'baseline-results': 'b.json', 'candidate-results': 'c.json' });
    gateChange.mockResolvedValue(changeGate(gateFile(false), dir));
    await run();
    expect(gateChange).toHaveBeenCalledTimes(1);
    expect(core.outputs.verdict).toBe('OK');
    expect(core.setFailed).not.toHaveBeenCalled();
  });

  it("triggered by this repository's own code: not refused", async () => {
    const dir = useEvent('workflow_run', workflowRun('ACME/agent'));
    gateChange.mockResolvedValue(changeGate(gateFile(false), dir));
    await run();
    expect(gateChange).toHaveBeenCalledTimes(1);
    expect(core.setFailed).not.toHaveBeenCalled();
  });
});
