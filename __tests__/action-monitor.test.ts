// mode: monitor through the action's edge, with @actions/core replaced and everything else real: the logs are
// files in the workspace, the rules and policy the workspace's, the reports written where the action writes them.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
