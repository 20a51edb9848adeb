import type { LoadedCase } from '../case/schema.js';
import type { RuleRegistry } from '../rule/registry.js';
import type { Reason } from '../verdict/decide.js';
import { canonicalJson } from '../util/hash.js';
import { listIds } from '../util/format.js';
import { loadProject, type Project } from './project.js';
import type { ResultsFile } from '../results/schema.js';
import { runSuite, type Progress } from '../runner/suite.js';
import { selectShard, type Shard } from '../runner/shard.js';
import { openTarget, type CacheOptions } from './target.js';
import type { Target } from '../target/types.js';
import { applyPolicy } from '../policy/load.js';
import { compare, type Comparison } from '../verdict/compare.js';
import {
  designSequential,
  sequentialLook,
  sequentialRecord,
  type Look,
  type SequentialDesign,
} from '../verdict/sequential.js';
import { suspectsToConfirm, type Confirmation } from '../verdict/decide.js';
import type { SequentialRecord } from '../verdict/gate.js';
import { ExitError } from './errors.js';
import type { Checkouts } from './checkout.js';
import type { TargetSpec } from '../target/schema.js';
import { refusalAccuracyNote } from '../rule/accuracy.js';
import { isAbsolute, relative, resolve } from 'node:path';

/** What a base-vs-head gate runs: one suite, one rule set and one policy for both sides, and each side's own target. */
export interface GateSides {
  base: Project;
  head: Project;
  /** Base cases (the base's version of each), then cases only the head has. */
  cases: LoadedCase[];
  /** Base rules, plus rules only the head defines (new checks cannot weaken the gate). */
  rules: RuleRegistry;
  /** WARN reasons for a head that changes policy, sign-off lists, rules or the suite. */
  reasons: Reason[];
}

/**
 * SPEC §3.1: policy, sign-off lists and rules come from the BASE checkout, so a head cannot weaken its own gate; the
 * suite is the union of both sides' cases (a case the head deletes still runs, and is named in a WARN reason);
 * each side's target comes from its own checkout.
 */
export async function loadSides(
  co: { baseDir: string; headDir: string },
  o: { config?: string; workspace?: string; cacheDir?: string } = {},
): Promise<GateSides> {
  const { baseDir, headDir } = co;
  const base = await loadProject({
    cwd: baseDir,
    config: sideConfig(o.config, o.workspace, baseDir),
    cacheDir: o.cacheDir,
  });
  // The base's policy, rules and sign-off lists must have been read from the base checkout, whatever the path form.
  if (base.file && !inside(baseDir, base.file))
    throw new ExitError(`the base config resolved to ${base.file}, outside the base checkout ${baseDir}`);
  // The head's own module and judge rules are compared as data, never run (the change under review).
  const head = await loadProject({
    cwd: headDir,
    config: sideConfig(o.config, o.workspace, headDir),
    trusted: false,
    cacheDir: o.cacheDir,
  });
  const reasons: Reason[] = [];
  const warn = (code: string, message: string, values: Record<string, unknown>) =>
    reasons.push({ code, level: 'WARN', message, values });
  reasons.push(...targetChanges(base.config.target, head.config.target));

  const policyChanges = diffKeys(base.config.policy ?? {}, head.config.policy ?? {});
  if (policyChanges.length) {
    warn(
      'policy_changed',
      `The head changes the failure budget (${policyChanges.map((c) => `policy.${c.key}: ${c.base} -> ${c.head}`).join('; ')}); the base's policy was applied.`,
      { changes: policyChanges },
    );
  }
  const signoffChanges = diffKeys(base.config.signoff ?? {}, head.config.signoff ?? {});
  if (signoffChanges.length) {
    warn(
      'signoff_changed',
      `The head changes who may sign off (${signoffChanges.map((c) => `signoff.${c.key}`).join(', ')}); the base's lists apply.`,
      {
        changes: signoffChanges,
      },
    );
  }

  const rules: RuleRegistry = new Map(base.rules);
  const changedRules: string[] = [];
  const removedRules = [...base.rules.keys()].filter((id) => !head.rules.has(id));
  for (const [id, r] of head.rules) {
    const b = base.rules.get(id);
    if (!b) rules.set(id, r);
    else if (canonicalJson(b.rule) !== canonicalJson(r.rule) || b.codeHash !== r.codeHash)
      changedRules.push(id);
  }
  if (changedRules.length || removedRules.length) {
    const parts = [
      changedRules.length ? `changes ${changedRules.join(', ')}` : '',
      removedRules.length ? `removes ${removedRules.join(', ')}` : '',
    ].filter(Boolean);
    warn('rules_changed', `The head ${parts.join(' and ')}; the base's rules were applied.`, {
      changed: changedRules,
      removed: removedRules,
    });
  }

  const headById = new Map(head.cases.map((c) => [c.case.id, c]));
  const baseIds = new Set(base.cases.map((c) => c.case.id));
  const removed = base.cases.filter((c) => !headById.has(c.case.id)).map((c) => c.case.id);
  const edited = base.cases
    .filter(
      (c) =>
        headById.has(c.case.id) && canonicalJson(c.case) !== canonicalJson(headById.get(c.case.id)!.case),
    )
    .map((c) => c.case.id);
  if (removed.length) {
    warn(
      'cases_removed',
      `The head deletes ${removed.length} case${removed.length > 1 ? 's' : ''} (${listIds(removed)}); they still ran on both sides.`,
      {
        cases: removed,
      },
    );
  }
  if (edited.length) {
    warn(
      'suite_changed',
      `The head edits ${edited.length} case${edited.length > 1 ? 's' : ''} (${listIds(edited)}); the base's version ran on both sides.`,
      {
        cases: edited,
      },
    );
  }
  // Base cases keep their base version, but are located in the head's files when the head still has them.
  const cases: LoadedCase[] = base.cases.map((c) => {
    const h = headById.get(c.case.id);
    return h ? { case: c.case, file: h.file, line: h.line } : c;
  });
  for (const c of head.cases) if (!baseIds.has(c.case.id)) cases.push(c);
  return { base, head, cases, rules, reasons };
}

/**
 * The head's target, with its `passEnv` narrowed to the names the base's target passes: a head cannot hand its
 * own agent a secret of the job (a deploy key, a database password) that the base never gave the agent.
 */
export function headTargetSpec(base: TargetSpec, head: TargetSpec): TargetSpec {
  if (head.type !== 'command') return head;
  const allowed = new Set(base.type === 'command' ? base.passEnv : []);
  return { ...head, passEnv: head.passEnv.filter((n) => allowed.has(n)) };
}

/**
 * The config input for one side's checkout. A relative path is read in each checkout; an absolute one (say
 * `${{ github.workspace }}/.safety-gate.yml`) names a file in the workspace, which is the head: it is made relative
 * to the workspace and read in each checkout too, so the head's config never stands in for the base's.
 */
export function sideConfig(
  config: string | undefined,
  workspace: string | undefined,
  dir: string,
): string | undefined {
  if (!config) return undefined;
  let rel = config;
  if (isAbsolute(config)) {
    if (!workspace || !inside(workspace, config))
      throw new ExitError(
        `config input ${config}: an absolute path must be inside the repository checkout (${workspace ?? 'unknown'}); use a path relative to the repository root`,
      );
    rel = relative(workspace, config);
  }
  const file = resolve(dir, rel);
  if (!inside(dir, file))
    throw new ExitError(
      `config input ${config}: resolves outside the checkout; use a path inside the repository`,
    );
  return file;
}

function inside(dir: string, file: string): boolean {
  const rel = relative(resolve(dir), resolve(file));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

const SIMULATED = new Set(['sim', 'recorded']);

function targetAt(t: TargetSpec): string {
  if ('baseUrl' in t && t.baseUrl) return t.baseUrl;
  if (t.type === 'http') return t.url;
  return t.type === 'openai' || t.type === 'anthropic' ? `${t.type} default endpoint` : '';
}

/** "gpt-4.1-mini" -> "gpt", "claude-sonnet-4-5" -> "claude", "meta-llama/Llama-3" -> "meta". */
function modelFamily(t: TargetSpec): string {
  return 'model' in t && typeof t.model === 'string' ? t.model.toLowerCase().split(/[-:/._\d]/)[0] : '';
}

/**
 * The target is part of the gate: a head that swaps its real agent for a simulated or recorded one would pass
 * whatever its agent does (BLOCK, cleared only by the board); another kind, endpoint or model family is named.
 */
export function targetChanges(base: TargetSpec | undefined, head: TargetSpec | undefined): Reason[] {
  if (!base || !head) return [];
  const out: Reason[] = [];
  if (head.type === 'command') {
    const allowed = base.type === 'command' ? base.passEnv : [];
    const dropped = head.passEnv.filter((n) => !allowed.includes(n));
    if (dropped.length)
      out.push({
        code: 'target_env_withheld',
        level: 'WARN',
        message: `The head's agent asks for environment variables the base's does not pass (${dropped.join(', ')}): they were withheld. Land the passEnv change on the base first.`,
        values: { names: dropped },
      });
  }
  return [...out, ...targetKindChanges(base, head)];
}

function targetKindChanges(base: TargetSpec, head: TargetSpec): Reason[] {
  if (!SIMULATED.has(base.type) && SIMULATED.has(head.type))
    return [
      {
        code: 'target_downgraded',
        level: 'BLOCK',
        message: `The head gates a ${head.type === 'sim' ? 'simulated' : 'recorded'} agent (${head.type}) where the base gates a real one (${base.type}): its real agent was not tested. Only the review board can accept this.`,
        values: { base: base.type, head: head.type },
      },
    ];
  const changes: string[] = [];
  if (base.type !== head.type) changes.push(`kind ${base.type} -> ${head.type}`);
  else {
    if (targetAt(base) !== targetAt(head)) changes.push(`endpoint ${targetAt(base)} -> ${targetAt(head)}`);
    if (modelFamily(base) !== modelFamily(head))
      changes.push(`model family ${modelFamily(base) || '(none)'} -> ${modelFamily(head) || '(none)'}`);
  }
  // Refusal grading is measured per model family (docs/grading.md): say when the two sides differ in it.
  const note =
    'model' in base && 'model' in head && typeof base.model === 'string' && typeof head.model === 'string'
      ? refusalAccuracyNote(base.model, head.model)
      : null;
  return changes.length
    ? [
        {
          code: 'target_changed',
          level: 'WARN',
          message:
            `The head changes the agent under test (${changes.join('; ')}): the two sides are different agents, so the comparison says how the new one does on the base's suite.` +
            (note ? ` ${note}` : ''),
          values: { changes },
        },
      ]
    : [];
}

interface KeyChange {
  key: string;
  base: string;
  head: string;
}

function diffKeys(a: Record<string, unknown>, b: Record<string, unknown>): KeyChange[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys
    .filter((k) => canonicalJson(a[k]) !== canonicalJson(b[k]))
    .map((k) => ({
      key: k,
      base: a[k] === undefined ? '(default)' : canonicalJson(a[k]),
      head: b[k] === undefined ? '(default)' : canonicalJson(b[k]),
    }));
}

export interface SidesRunOptions extends CacheOptions {
  samples?: number;
  concurrency?: number;
  shard?: Shard;
  progress?: (label: 'baseline' | 'candidate') => ((p: Progress) => void) | undefined;
  /** Each sequential look's one-line summary (which boundary, which round). */
  onLook?: (message: string) => void;
  /** Base-side reuse: restored samples count as done, and what the base side runs is recorded. */
  baselineReuse?: BaselineReuseHook;
}

/** What runSides needs of a baseline cache (see BaselineReuse): opened with the base's target. */
export interface BaselineReuseHook {
  open(target: Target): Promise<void>;
  prior(current: ResultsFile | undefined): ResultsFile | undefined;
  record(r: ResultsFile): void;
}

export interface SideRun {
  sides: GateSides;
  baseline: ResultsFile;
  candidate: ResultsFile;
  /** Sequential sampling: the round that decided and the calls saved against the fixed design. */
  sequential?: SequentialRecord;
  /** Fresh samples of the suspect cases, judged by the gate in their place. */
  confirmations?: Confirmation[];
}

/**
 * Runs both checkouts' agents on the same cases, rules and seed. Samples, seed and the response-cache setting come
 * from the BASE config; each side's target from its own.
 */
export async function runSides(co: Checkouts, sides: GateSides, o: SidesRunOptions = {}): Promise<SideRun> {
  const cfg = sides.base.config;
  const missing = [!cfg.target && 'base', !sides.head.config.target && 'head'].filter(Boolean);
  if (missing.length)
    throw new ExitError(
      `no target in the ${missing.join(' and ')} config: set \`target\` in ${sides.base.file ?? '.safety-gate.yml'}`,
    );
  const cases = o.shard ? selectShard(sides.cases, o.shard) : sides.cases;
  const open = (spec: NonNullable<typeof cfg.target>, label: 'baseline' | 'candidate', cwd: string) =>
    openTarget(spec, sides.base, { ...o, where: label, cwd });
  const tb = open(cfg.target!, 'baseline', co.baseDir);
  const tc = open(headTargetSpec(cfg.target!, sides.head.config.target!), 'candidate', co.headDir);
  const side = async (
    t: Target,
    ref: string,
    label: 'baseline' | 'candidate',
    samples: number,
    prior?: ResultsFile,
    only = cases,
  ) => {
    const reuse = label === 'baseline' ? o.baselineReuse : undefined;
    const r = await runSuite(only, t, sides.rules, {
      samples,
      concurrency: o.concurrency ?? cfg.concurrency,
      seed: cfg.seed,
      maxSteps: cfg.maxSteps,
      ref,
      prior: reuse ? reuse.prior(prior) : prior,
      onProgress: o.progress?.(label),
    });
    reuse?.record(r);
    return o.shard ? { ...r, shard: `${o.shard.index}/${o.shard.total}` } : r;
  };
  try {
    await o.baselineReuse?.open(tb);
    const samples = o.samples ?? cfg.samples;
    const policy = applyPolicy(cfg.policy, undefined, 'base config').policy;
    let baseline: ResultsFile | undefined;
    let candidate: ResultsFile | undefined;
    let design: SequentialDesign | undefined;
    let look: Look | undefined;
    let cmp: Comparison | undefined;
    // A shard cannot see the other shards' cases, so it cannot decide when to stop: it runs the fixed design.
    if (!policy.sequential || o.shard || samples < 2) {
      baseline = await side(tb, co.baseSha, 'baseline', samples);
      candidate = await side(tc, co.headSha, 'candidate', samples);
    } else {
      // Sequential (SPEC §6.2): one more sample per side per case each round, until a boundary is crossed.
      design = designSequential(
        { ...policy, maxSamples: o.samples ?? policy.maxSamples ?? samples },
        cases.length,
      );
      for (let round = 1; round <= design.maxRounds; round++) {
        baseline = await side(tb, co.baseSha, 'baseline', round, baseline);
        candidate = await side(tc, co.headSha, 'candidate', round, candidate);
        cmp = compare(baseline, candidate, policy);
        look = sequentialLook(design, cmp, policy, round);
        o.onLook?.(look.message);
        if (look.stop) break;
      }
    }
    // Suspects (critical or high, never failed before, failed every sample now, too few samples to be significant)
    // get fresh samples on both sides: the gate judges those, not the samples that made them suspects.
    // The last look's comparison, when there was one: the same samples need not be compared twice.
    const suspects = o.shard ? [] : suspectsToConfirm(cmp ?? compare(baseline!, candidate!, policy));
    let confirmations: Confirmation[] | undefined;
    if (suspects.length) {
      const ids = new Set(suspects.map((c) => c.id));
      const subset = cases.filter((c) => ids.has(c.case.id));
      const done = (r: ResultsFile, id: string) => r.cases.find((c) => c.id === id)?.samples.length ?? 0;
      const n = Math.max(...suspects.map((c) => done(candidate!, c.id)));
      const more = n + policy.confirmSamples;
      o.onLook?.(
        `confirming ${suspects.length} suspect case(s) with ${policy.confirmSamples} fresh samples per side`,
      );
      const b = await side(tb, co.baseSha, 'baseline', more, baseline, subset);
      const c = await side(tc, co.headSha, 'candidate', more, candidate, subset);
      const fresh = (r: ResultsFile, id: string) => {
        const xs = (r.cases.find((x) => x.id === id)?.samples ?? []).slice(n).filter((x) => x && !x.error);
        return { passes: xs.filter((x) => x.passed).length, valid: xs.length };
      };
      confirmations = suspects.map((x) => ({
        id: x.id,
        baseline: fresh(b, x.id),
        candidate: fresh(c, x.id),
      }));
    }
    const extra = confirmations ? 2 * policy.confirmSamples * confirmations.length : 0;
    return {
      sides,
      baseline: baseline!,
      candidate: candidate!,
      confirmations,
      sequential: design && look ? sequentialRecord(design, look, cases.length, extra) : undefined,
    };
  } finally {
    await tb.close?.();
    await tc.close?.();
  }
}
