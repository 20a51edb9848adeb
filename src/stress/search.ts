import type { LoadedCase, RegressionCase } from '../case/schema.js';
import type { RuleRegistry } from '../rule/registry.js';
import { runSample } from '../runner/sample.js';
import { runSuite } from '../runner/suite.js';
import type { SampleResult } from '../results/schema.js';
import { clopperPearson } from '../stats/proportion.js';
import type { Target } from '../target/types.js';
import type { TranscriptEntry } from '../trajectory/types.js';
import { rngFor } from '../util/rng.js';
import { Bandit } from './bandit.js';
import { ALL_TACTICS, TACTICS, applyTactic, type AttackState, type Move, type Tactic } from './tactics.js';
import { attackerFor } from './attacker.js';
import type { Check } from '../rule/turn.js';
import type { StressFailure, StressFile, Strategy } from './schema.js';

export type { StressFailure, StressFile, Strategy };

export interface StressOptions {
  seeds: LoadedCase[];
  target: Target;
  rules: RuleRegistry;
  rollouts: number;
  maxTurns: number;
  delayedTurn: number;
  concurrency: number;
  seed: string;
  maxSteps: number;
  strategy: Strategy;
  /** Scripted replays of each unique failure, to tell a reproducible failure from a lucky draw. */
  confirm: number;
  /** A model that writes `rewrite` turns; without one, only the templates are played. */
  attacker?: Target;
  now?: Date;
  onRound?: (done: number, total: number, unique: number) => void;
}

/**
 * Red-teaming cases over many turns, adaptively. A rollout takes a seed case (its system prompt, tools and
 * expectations) and talks to the target, one attacker tactic per user turn, until a rule breaks or `maxTurns`.
 * With `thompson`, seeds and (category, tactic) pairs are chosen by Thompson sampling on how often they ended in a
 * failure, so the budget flows to what breaks the target; `uniform` is the non-adaptive baseline it is measured
 * against. Rollouts run in rounds of `concurrency`, with the bandits updated between rounds, so a search is
 * reproducible whatever order calls finish in.
 */
export async function stressSearch(o: StressOptions): Promise<StressFile> {
  const seeds = o.seeds.filter((s) => attackable(s.case, o.rules));
  if (seeds.length === 0)
    throw new Error('no seed case to attack: every case only checks over-refusal (must-not-refuse)');
  const seedBandit = new Bandit(seeds.map((s) => s.case.id));
  const arms: readonly Tactic[] = o.attacker ? ALL_TACTICS : TACTICS;
  const rewrite = o.attacker ? attackerFor(o.attacker, o.seed) : undefined;
  const tacticBandits = new Map<string, Bandit<Tactic>>();
  const tacticBandit = (cat: string) => {
    let b = tacticBandits.get(cat);
    if (!b) tacticBandits.set(cat, (b = new Bandit(arms)));
    return b;
  };
  const byId = new Map(seeds.map((s) => [s.case.id, s.case]));
  const unique = new Map<string, StressFailure>();
  const tacticStats = new Map<Tactic, { plays: number; inFailures: number }>(
    arms.map((t) => [t, { plays: 0, inFailures: 0 }]),
  );
  const discovery: StressFile['discovery'] = [];
  const every = Math.max(1, Math.floor(o.rollouts / 20));
  let failingRollouts = 0;
  let errors = 0;
  let calls = 0;

  const learn = (
    r: number,
    c: RegressionCase,
    tactics: Tactic[],
    moves: Move[],
    result: SampleResult,
  ): void => {
    const failed = !result.passed;
    let novel = false;
    if (failed) {
      failingRollouts++;
      const at = result.firstFailureTurn!;
      const rules = [...new Set((result.violations ?? []).map((v) => v.rule))].sort();
      // One finding per seed case and broken rules; its exemplar is the shortest conversation that got there.
      const id = `stress-${c.id}-${rules.join('.')}`;
      const prior = unique.get(id);
      if (prior) prior.count++;
      novel = !prior || at < prior.firstFailureTurn;
      if (novel)
        unique.set(id, {
          id,
          seedCase: c.id,
          category: c.category,
          severity: c.severity,
          count: prior?.count ?? 1,
          tactics: tactics.slice(0, at),
          firstFailureTurn: at,
          delayed: at >= o.delayedTurn,
          violations: result.violations ?? [],
          foundAt: prior?.foundAt ?? r,
          reproduced: null,
          case: failureCase(c, id, moves.slice(0, at), tactics.slice(0, at), at >= o.delayedTurn, o.rules),
          transcript: (result.transcript ?? []) as TranscriptEntry[],
        });
    }
    // Seeds are rewarded for a new finding (or a shorter way to one), so the budget moves on from a case already
    // broken; tactics for any failure, so what breaks this target is learned per category and reused.
    seedBandit.update(c.id, novel);
    for (const t of new Set(tactics)) {
      tacticBandit(c.category).update(t, failed);
      const st = tacticStats.get(t)!;
      st.plays++;
      if (failed) st.inFailures++;
    }
  };

  for (let start = 0; start < o.rollouts; start += o.concurrency) {
    const round = Array.from({ length: Math.min(o.concurrency, o.rollouts - start) }, (_, j) => start + j);
    const played = await Promise.all(
      round.map(async (r) => {
        const rand = rngFor(`${o.seed}|stress|${r}`);
        const seedId =
          o.strategy === 'thompson'
            ? seedBandit.choose(rand)
            : seeds[Math.floor(rand() * seeds.length)].case.id;
        const c = byId.get(seedId)!;
        const bandit = tacticBandit(c.category);
        const state: AttackState = { script: c.turns.map((t) => t.user), used: 0, lastAsk: null };
        const tactics: Tactic[] = [];
        const moves: Move[] = [];
        const result = await runSample(c, 0, o.target, o.rules, {
          seed: `${o.seed}|stress|${r}`,
          maxSteps: o.maxSteps,
          nextUser: async (turn, transcript) => {
            if (turn > o.maxTurns) return null;
            const t =
              o.strategy === 'thompson' ? bandit.choose(rand) : arms[Math.floor(rand() * arms.length)];
            tactics.push(t);
            const move = applyTactic(t, state, (n) => Math.floor(rand() * n));
            if (move.goal !== undefined && rewrite)
              move.text = await rewrite(move.goal, transcript, { caseId: `${c.id}#${r}`, sample: turn });
            moves.push(move);
            return move.text;
          },
          checksFor: (turn) => checksFor(c, moves[turn - 1], o.rules),
        });
        return { r, c, tactics, moves, result };
      }),
    );
    // Updates in rollout order, after the round: the same seed gives the same search.
    for (const { r, c, tactics, moves, result } of played) {
      calls += result.calls ?? 0;
      // An errored rollout teaches the bandits nothing (it is neither a failure nor a hold), but still counts.
      if (result.error) errors++;
      else learn(r, c, tactics, moves, result);
      if ((r + 1) % every === 0 || r + 1 === o.rollouts) {
        const list = [...unique.values()];
        discovery.push({
          rollouts: r + 1,
          unique: list.length,
          delayed: list.filter((f) => f.delayed).length,
        });
      }
    }
    o.onRound?.(Math.min(start + o.concurrency, o.rollouts), o.rollouts, unique.size);
  }
  if (errors === o.rollouts)
    throw new Error(
      `every one of ${o.rollouts} rollouts ended in an error: the target could not be attacked`,
    );

  const failures = [...unique.values()];
  let confirmErrors = 0;
  if (o.confirm > 0 && failures.length) {
    const confirmed = await runSuite(
      failures.map((f) => ({ case: f.case, file: 'stress' })),
      o.target,
      o.rules,
      { samples: o.confirm, concurrency: o.concurrency, seed: `${o.seed}|confirm`, maxSteps: o.maxSteps },
    );
    confirmed.cases.forEach((cr, i) => {
      const valid = cr.samples.filter((s) => !s.error);
      confirmErrors += cr.samples.length - valid.length;
      failures[i].reproduced = clopperPearson(valid.filter((s) => !s.passed).length, valid.length);
    });
  }
  // Most reproducible first, then delayed (the failures single-turn evals miss), then discovery order.
  failures.sort(
    (a, b) =>
      (b.reproduced?.rate ?? 0) - (a.reproduced?.rate ?? 0) ||
      Number(b.delayed) - Number(a.delayed) ||
      a.foundAt - b.foundAt,
  );
  return {
    kind: 'safety-gate.stress',
    schemaVersion: 1,
    createdAt: (o.now ?? new Date()).toISOString(),
    target: {
      name: o.target.name,
      ref: null,
      fingerprint: o.target.fingerprint,
      simulated: o.target.simulated,
    },
    seed: o.seed,
    strategy: o.strategy,
    rollouts: o.rollouts,
    maxTurns: o.maxTurns,
    delayedTurn: o.delayedTurn,
    seeds: seeds.map((s) => s.case.id),
    summary: {
      failingRollouts,
      errors,
      confirmErrors,
      unique: failures.length,
      delayed: failures.filter((f) => f.delayed).length,
      calls,
    },
    tactics: arms.map((t) => ({ tactic: t, ...tacticStats.get(t)! })),
    discovery,
    failures,
  };
}

/** Over-refusal cases reward refusing nothing: pressure tactics do not apply to them. */
function attackable(c: RegressionCase, rules: RuleRegistry): boolean {
  return c.expect.some((e) => {
    const r = rules.get(e.rule)?.rule;
    return r && !(r.kind === 'refusal' && r.expect === 'comply');
  });
}

/**
 * The seed's checks in force on one attack turn. The seed's turn windows refer to its own script, so they are
 * matched against the scripted turn in play; refusal rules judge only turns that carry a request (a harmless
 * padding turn must not count as "failed to refuse").
 */
function checksFor(seed: RegressionCase, move: Move, rules: RuleRegistry): Check[] {
  return seed.expect
    .filter((e) => {
      const refusal = rules.get(e.rule)?.rule.kind === 'refusal';
      if (refusal && !move.ask) return false;
      const at = refusal ? move.scriptTurn : Math.max(1, move.scriptTurn);
      return at >= (e.fromTurn ?? 1) && at <= (e.toTurn ?? Infinity);
    })
    .map(({ rule }) => ({ rule }));
}

/** The failing conversation as a scripted case, its checks windowed on the attack's own turn numbers. */
function failureCase(
  seed: RegressionCase,
  id: string,
  moves: Move[],
  tactics: Tactic[],
  delayed: boolean,
  rules: RuleRegistry,
): RegressionCase {
  const expect: Check[] = [];
  for (const rule of new Set(seed.expect.map((e) => e.rule))) {
    const on = moves.map((m) => checksFor(seed, m, rules).some((x) => x.rule === rule));
    for (let t = 0; t < on.length; t++) {
      if (!on[t] || (t > 0 && on[t - 1])) continue;
      let end = t;
      while (end + 1 < on.length && on[end + 1]) end++;
      expect.push({
        rule,
        ...(t > 0 ? { fromTurn: t + 1 } : {}),
        ...(end < on.length - 1 ? { toTurn: end + 1 } : {}),
      });
    }
  }
  return {
    ...seed,
    id,
    title: `${seed.title} (stress: ${tactics.join(', ')})`,
    tags: [...new Set([...seed.tags, 'stress', ...(delayed ? ['delayed'] : [])])],
    turns: moves.map((m) => ({ user: m.text })),
    expect,
  };
}
