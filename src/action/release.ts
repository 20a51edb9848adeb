import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { appendAuditToBranch, releaseChange, type CommitLogin } from '../app/release.js';
import { repoPath } from '../app/checkout.js';
import { ensureCommit } from '../git/local.js';
import { describeApiError, type Octokit } from '../github/api.js';
import { createCheck } from '../github/checks.js';
import { commitPulls } from '../github/pulls.js';
import { teamMembership } from '../github/signoff-comments.js';
import { headCodeRefusal } from '../github/event.js';
import { gateOutputs } from './outputs.js';
import * as publish from './publish.js';
import { tempDir, type Context } from './publish.js';

/** GitHub's login for a commit's author (the commits endpoint); undefined when GitHub maps it to no account. */
function commitLogin(octokit: Octokit | undefined, owner: string, repo: string): CommitLogin {
  return async (sha) => {
    if (!octokit) return undefined;
    try {
      const res = await octokit.rest.repos.getCommit({ owner, repo, ref: sha });
      return res.data.author?.login ?? undefined;
    } catch (e) {
      core.warning(
        `Safety gate: could not look up the author of ${sha.slice(0, 12)}: ${describeApiError(e)}`,
      );
      return undefined;
    }
  };
}

/**
 * `mode: release`: the last release (baseline-ref, a tag) against the release branch (candidate-ref), plus the
 * release criteria of the BASE config, each signature checked against git history through the commits API (the
 * line's last commit is the signer's, or is in a merged pull request the signer approved). Posts
 * the check with the criteria table, writes release-notes.md and the audit records (artifact; `audit-branch`).
 */
export async function releaseMode(ctx: Context): Promise<void> {
  const { inputs, event, workspace, outDir } = ctx;
  // A release gate runs the candidate's agent like any gate, unless it is given results.
  const refusal = inputs.baselineResults || inputs.candidateResults ? null : headCodeRefusal(event);
  if (refusal) throw new Error(refusal);
  if (!inputs.token)
    core.notice('Safety gate: no github-token: no check run, and no signature can be checked.');
  else if (!event.fork) ctx.octokit = getOctokit(inputs.token);
  const octokit = ctx.octokit;
  const repo = { owner: event.owner, repo: event.repo };
  const baseRef = inputs.baselineRef ?? event.baseSha;
  if (!baseRef)
    throw new Error('mode release needs baseline-ref: the last release (a tag such as v1.2.0), or a commit');
  const headRef = inputs.candidateRef ?? event.headSha ?? 'HEAD';
  const headSha = await ensureCommit(workspace, headRef);
  if (octokit)
    ctx.checkId = await publish.tryApi('create the check run', () =>
      createCheck(octokit, repo, inputs.checkName, headSha, ctx.runUrl),
    );
  if (!octokit)
    core.notice(
      'Safety gate: without the GitHub API no checklist signature can be tied to a GitHub login: every item is unmet.',
    );
  const r = await releaseChange({
    ...publish.changeOptions(ctx),
    baseRef,
    headRef: headSha,
    history: inputs.history,
    commitLogin: commitLogin(octokit, event.owner, event.repo),
    commitPulls: commitPulls(octokit, event.owner, event.repo),
    isMember: octokit ? teamMembership(octokit) : undefined,
    actor: process.env.GITHUB_ACTOR ?? 'github-actions',
    label: `${baseRef} -> ${inputs.candidateRef ?? headSha.slice(0, 12)}`,
    // A release run from a pull request (release branch -> main) reads sign-offs from its comments and reviews.
    signoffs: publish.prSignoffs(ctx),
  });
  const { gate, files } = r;
  for (const x of gate.rejectedSignoffs)
    core.notice(`Safety gate: sign-off by ${x.by} not counted: ${x.why}`);
  for (const c of gate.release?.criteria ?? [])
    if (!c.met) core.notice(`Safety gate: release criterion ${c.file}:${c.line} unmet: ${c.why}`);
  publish.setOutputs({
    ...gateOutputs(gate, files.html),
    'release-notes-path': r.releaseNotes,
    'audit-log-path': r.auditLog,
  });
  await publish.publishArtifact(ctx, [
    files.html,
    files.gate,
    files.summary,
    files.junit,
    r.releaseNotes,
    r.auditLog,
    r.baselineFile,
    r.candidateFile,
  ]);
  await publish.publishGate(ctx, gate, files.summary, repoPath(r.headDir));
  if (inputs.auditBranch) {
    // The durable trail: a failure to write it fails the step (a release decision must be on record).
    const commit = await appendAuditToBranch(
      workspace,
      inputs.auditBranch,
      r.entries,
      `safety-gate: ${gate.verdict} for release ${baseRef} -> ${headSha.slice(0, 12)}`,
      tempDir(ctx),
    );
    core.info(
      `Safety gate: ${r.entries.length} audit records appended to ${inputs.auditBranch} (${commit.slice(0, 12)})`,
    );
  }
  core.info(
    `Safety gate: release ${gate.verdict}; criteria ${gate.release?.met ? 'met' : 'UNMET'}; reports and release-notes.md in ${outDir}`,
  );
  if (gate.exitCode !== 0)
    core.setFailed(`Safety gate: ${gate.verdict}: ${gate.reasons.map((x) => x.message).join(' ')}`);
}
