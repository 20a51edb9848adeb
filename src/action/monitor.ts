import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as core from '@actions/core';
import { monitor } from '../app/monitor.js';
import { headCodeRefusal } from '../github/event.js';
import { describeMonitor } from '../report/monitor-markdown.js';
import type { MonitorFile } from '../monitor/run.js';
import type { FailOn } from '../verdict/gate.js';
import type { Outputs } from './outputs.js';
import * as publish from './publish.js';
import { cacheDir, type Context } from './publish.js';

/** The action's outputs for a monitor run: `action` (promote | hold | rollback) is the kill-switch input. */
export function monitorOutputs(f: MonitorFile, files: { html: string; monitor: string }): Outputs {
  return {
    action: f.action,
    verdict: f.verdict,
    'exit-code': String(f.exitCode),
    'report-path': files.html,
    'monitor-path': files.monitor,
  };
}

/** Which verdicts fail the step: ROLLBACK always (unless never), HOLD too with fail-on warn. */
export function monitorFails(f: MonitorFile, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return f.verdict === 'ROLLBACK' || (failOn === 'warn' && f.verdict === 'HOLD');
}

/**
 * Scheduled canary monitoring: control and canary logs are files an earlier step exported into the workspace;
 * rules and the `monitor:` policy come from the workspace's config. No check run or comment: there is no pull
 * request. ROLLBACK fails the step and sets `action=rollback` for the step that pulls the canary. Refused on
 * `pull_request_target` and a fork's `workflow_run`, where the workspace may be the pull request's code.
 */
export async function monitorMode(ctx: Context): Promise<void> {
  const { inputs, workspace, outDir } = ctx;
  // Before anything of the workspace is loaded: its rule modules are code too, not only the shadow agent.
  const refusal = headCodeRefusal(ctx.event, 'monitor');
  if (refusal) throw new Error(refusal);
  if (!inputs.control)
    throw new Error(
      'mode monitor needs the control input: the control traffic log (JSONL, see docs/monitoring.md)',
    );
  if (!inputs.canary && !inputs.shadowTarget)
    throw new Error(
      'mode monitor needs the canary input (the canary traffic log), or shadow-target to replay control against a candidate agent',
    );
  const { file, files } = await monitor({
    control: resolve(workspace, inputs.control),
    canary: inputs.canary ? resolve(workspace, inputs.canary) : undefined,
    shadow: Boolean(inputs.shadowTarget),
    target: inputs.shadowTarget,
    window: inputs.window,
    outDir,
    cwd: workspace,
    config: inputs.config,
    concurrency: inputs.concurrency,
    cacheDir: cacheDir(ctx),
    reportUrl: ctx.runUrl,
  });
  publish.setOutputs(monitorOutputs(file, files));
  await publish.jobSummary(readFileSync(files.summary, 'utf8'));
  await publish.publishArtifact(ctx, [files.monitor, files.html, files.summary]);
  core.info(describeMonitor(file));
  if (monitorFails(file, inputs.failOn))
    core.setFailed(`Safety gate monitor: ${file.verdict}: ${file.reasons.map((x) => x.message).join(' ')}`);
}
