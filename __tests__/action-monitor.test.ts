// mode: monitor through the action's edge, with @actions/core replaced and everything else real: the logs are
// files in the workspace, the rules and policy the workspace's, the reports written where the action writes them.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import * as core from '../__fixtures__/core.js';
import { writeTraffic } from './helpers/monitor-traffic.js';

jest.unstable_mockModule('@actions/core', () => core);
jest.unstable_mockModule('@actions/github', () => ({ getOctokit: jest.fn() }));
const { run } = await import('../src/action/main.js');

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sg-action-monitor-'));
  writeFileSync(join(dir, 'event.json'), '{}');
  Object.assign(process.env, {
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_REPOSITORY: 'acme/agent',
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: join(dir, 'runner'),
  });
  delete process.env.GITHUB_STEP_SUMMARY;
  delete process.env.ACTIONS_RUNTIME_TOKEN;
  writeTraffic(join(dir, 'control.jsonl'), { n: 3000, seed: 'action-control' });
  return dir;
}

describe('action mode monitor', () => {
  it('ROLLBACK fails the step and sets action=rollback, with the reports on the runner', async () => {
    const dir = workspace();
    writeTraffic(join(dir, 'canary.jsonl'), { n: 3000, seed: 'action-canary', rates: { leak: 0.04 } });
    core.reset({ mode: 'monitor', control: 'control.jsonl', canary: 'canary.jsonl' });
    await run();
    expect(core.outputs).toMatchObject({ action: 'rollback', verdict: 'ROLLBACK', 'exit-code': '2' });
    expect(core.setFailed).toHaveBeenCalledWith(
      expect.stringMatching(/^Safety gate monitor: ROLLBACK: .*no-secret-leak/),
    );
    const f = JSON.parse(readFileSync(core.outputs['monitor-path'], 'utf8')) as { action: string };
    expect(f.action).toBe('rollback');
    expect(readFileSync(core.outputs['report-path'], 'utf8')).toContain('data-verdict="ROLLBACK"');
  });

  it('PROMOTE passes; a missing log input is an error that names the input, exit 3', async () => {
    const dir = workspace();
    writeTraffic(join(dir, 'canary.jsonl'), { n: 3000, seed: 'action-same' });
    core.reset({ mode: 'monitor', control: 'control.jsonl', canary: 'canary.jsonl' });
    await run();
    expect(core.outputs).toMatchObject({ action: 'promote', 'exit-code': '0' });
    expect(core.setFailed).not.toHaveBeenCalled();
    core.reset({ mode: 'monitor', control: 'control.jsonl' });
    await run();
    expect(core.outputs).toMatchObject({ verdict: 'ERROR', 'exit-code': '3' });
    expect(core.setFailed).toHaveBeenCalledWith(expect.stringMatching(/needs the canary input/));
  });
});

describe("mode monitor runs the workspace's code: never on an event whose workspace may hold a pull request's head", () => {
  // The unsafe pattern: a pull_request_target workflow that checks out the pull request's head, then monitors with
  // a shadow-target from that checkout. The agent would run with this repository's secrets and write token.
  function headWorkspace(event: string, payload: object): { dir: string; ran: string } {
    const dir = workspace();
    const ran = join(mkdtempSync(join(tmpdir(), 'sg-marker-')), 'ran');
    writeFileSync(join(dir, 'event.json'), JSON.stringify(payload));
    process.env.GITHUB_EVENT_NAME = event;
    writeFileSync(
      join(dir, 'agent.cjs'),
      `require('fs').writeFileSync(${JSON.stringify(ran)}, 'ran'); process.stdin.on('data', () => {}); process.stdin.on('end', () => console.log(JSON.stringify({ content: "I can't help with that." })));`,
    );
    writeFileSync(join(dir, 'agent.yml'), 'type: command\ncommand: node agent.cjs\ntimeoutMs: 10000\n');
    return { dir, ran };
  }
  const pullRequest = {
    pull_request: {
      number: 7,
      base: { sha: 'a'.repeat(40), repo: { full_name: 'acme/agent' } },
      head: { sha: 'b'.repeat(40), ref: 'feature', repo: { full_name: 'stranger/agent' } },
      user: { login: 'mallory' },
    },
  };
  const forkRun = {
    workflow_run: {
      event: 'pull_request',
      head_sha: 'b'.repeat(40),
      head_repository: { full_name: 'stranger/agent' },
      repository: { full_name: 'acme/agent' },
    },
  };

  it.each([
    ['pull_request_target', pullRequest, /pull_request_target/],
    ['workflow_run', forkRun, /workflow_run triggered by a fork's pull request/],
  ])(
    '%s: refused before the shadow agent runs or a rule is loaded, exit 3',
    async (event, payload, named) => {
      const { dir, ran } = headWorkspace(event, payload);
      core.reset({ mode: 'monitor', control: 'control.jsonl', 'shadow-target': join(dir, 'agent.yml') });
      await run();
      expect(existsSync(ran)).toBe(false);
      expect(core.outputs).toMatchObject({ verdict: 'ERROR', 'exit-code': '3' });
      expect(core.setFailed).toHaveBeenCalledWith(
        expect.stringMatching(/mode monitor .*secrets and write token.*will not run there/),
      );
      expect(core.setFailed).toHaveBeenCalledWith(expect.stringMatching(named));
    },
  );

  it("a workflow_run of this repository's own code (after a deploy, say) still monitors", async () => {
    const { dir } = headWorkspace('workflow_run', {
      workflow_run: { ...forkRun.workflow_run, head_repository: { full_name: 'acme/agent' } },
    });
    writeTraffic(join(dir, 'canary.jsonl'), { n: 3000, seed: 'action-same' });
    core.reset({ mode: 'monitor', control: 'control.jsonl', canary: 'canary.jsonl' });
    await run();
    expect(core.outputs).toMatchObject({ action: 'promote', 'exit-code': '0' });
    expect(core.setFailed).not.toHaveBeenCalled();
  });
});
