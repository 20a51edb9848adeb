import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson, sha256 } from '../util/hash.js';
import { VERSION } from '../util/version.js';
import { writeArtifact } from '../util/artifact.js';
import { redactAll } from '../util/secrets.js';
import type { ResultsFile, SampleResult } from '../results/schema.js';
import { resultsFromData } from '../results/io.js';
import type { Target } from '../target/types.js';
import type { GateSides } from './sides.js';

/**
 * Where base-side results are kept between runs (the action's edge implements it with @actions/cache).
 * `restore` returns the restored file of the entry under `key`, or of the newest entry whose key starts with one
 * of `prefixes`; undefined on a miss. Both may throw: a cache failure only means the base side runs.
 */
export interface ResultsCache {
  restore(key: string, prefixes?: string[]): Promise<string | undefined>;
  save(key: string, file: string): Promise<void>;
}

/** Bump when the entry's format or what the identity covers changes: old entries are then never read. */
const FORMAT = 1;
const KIND = 'safety-gate.baseline-cache';

/**
 * Everything the base side's results depend on, every item read from the BASE alone: the base commit, its cases
 * (in the base's version), its rules (with module code hashes), its target's fingerprint, the seed, the step
 * limit, the failure budget (it shapes the sequential design and the confirmations) and the sample count. Cases
 * only the head adds are not covered: they run on the base side every time.
 */
export interface BaselineIdentity {
  format: number;
  tool: string;
  baseSha: string;
  suite: string;
  rules: string;
  target: string;
  seed: string;
  maxSteps: number;
  plan: { samples: number; policy: unknown };
}

export function baselineIdentity(
  sides: GateSides,
  baseSha: string,
  fingerprint: string,
  plan: BaselineIdentity['plan'],
): BaselineIdentity {
  const cfg = sides.base.config;
  return {
    format: FORMAT,
    tool: VERSION,
    baseSha,
    suite: sha256(canonicalJson(sides.base.cases.map((c) => c.case))),
    rules: sha256(
      canonicalJson(
        [...sides.base.rules.values()].map((r) => canonicalJson(r.rule) + (r.codeHash ?? '')).sort(),
      ),
    ),
    target: fingerprint,
    seed: cfg.seed,
    maxSteps: cfg.maxSteps,
    plan,
  };
}

/**
 * The key prefix: a hash of the identity. An entry's own key adds how many samples it holds and when it was made
 * (entries are immutable: a later, bigger or repaired entry needs a key of its own; a restore takes the newest).
 */
export const keyPrefix = (id: BaselineIdentity) =>
  `safety-gate-baseline-v${FORMAT}-${sha256(canonicalJson(id)).slice('sha256:'.length, 'sha256:'.length + 40)}-`;

const sampleCount = (r: ResultsFile) => r.cases.reduce((n, c) => n + c.samples.length, 0);

interface Entry {
  kind: typeof KIND;
  key: string;
  identity: BaselineIdentity;
  resultsSha256: string;
  results: unknown;
}

/**
 * A restored entry, trusted only when everything checks: its kind, its embedded identity (equal to ours, item by
 * item: a key collision cannot hand us another configuration's results), its key (our prefix and its sample count),
 * the sha256 of its results, the results schema, and its cases (only the base's own, none with an error). Returns
 * the results, or why the entry was ignored.
 */
export function verifyEntry(
  text: string,
  identity: BaselineIdentity,
  baseIds: Set<string>,
): { results: ResultsFile } | { why: string } {
  let e: Entry;
  try {
    e = JSON.parse(text) as Entry;
  } catch {
    return { why: 'it is not JSON' };
  }
  if (!e || typeof e !== 'object' || e.kind !== KIND) return { why: 'it is not a baseline entry' };
  if (canonicalJson(e.identity) !== canonicalJson(identity))
    return { why: 'it was made for another base configuration' };
  if (sha256(canonicalJson(e.results)) !== e.resultsSha256)
    return { why: 'its results do not match their recorded sha256 (changed after it was written)' };
  let results: ResultsFile;
  try {
    // The reader every results path uses (the schema, duplicate ids), not a second copy of it.
    results = resultsFromData(e.results, 'baseline cache entry');
  } catch {
    return { why: 'its results do not validate against the results schema' };
  }
  if (typeof e.key !== 'string' || !e.key.startsWith(`${keyPrefix(identity)}${sampleCount(results)}-`))
    return { why: 'its key does not match its content' };
  if (results.target.fingerprint !== identity.target) return { why: 'it was run on another target' };
  const stray = results.cases.find((c) => !baseIds.has(c.id));
  if (stray) return { why: `it holds a case the base does not have (${stray.id})` };
  if (results.cases.some((c) => c.samples.some((s) => !s || s.error)))
    return { why: 'it holds error samples' };
  return { results };
}

/**
 * Base-side reuse for one gate: restores the entry for the base's identity before the base side runs, hands its
 * samples to the runner as already done (only what they do not cover is run), records what the base side ran,
 * and saves a bigger entry afterwards when the base side ran more and no sample errored.
 */
export class BaselineReuse {
  private identity?: BaselineIdentity;
  private restored = 0;
  private samples = new Map<string, SampleResult[]>();
  private errored = false;
  private template?: ResultsFile;
  private readonly baseIds: Set<string>;

  constructor(
    private readonly cache: ResultsCache,
    private readonly o: {
      sides: GateSides;
      baseSha: string;
      plan: BaselineIdentity['plan'];
      dir: string;
      info?: (m: string) => void;
      notice?: (m: string) => void;
    },
  ) {
    this.baseIds = new Set(o.sides.base.cases.map((c) => c.case.id));
  }

  /** Called with the base's target once it is opened (its fingerprint is part of the identity). */
  async open(target: Target): Promise<void> {
    if (target.fingerprint.startsWith('uncacheable:')) {
      this.o.info?.("baseline reuse off: the base's agent has no stable fingerprint");
      return;
    }
    const id = baselineIdentity(this.o.sides, this.o.baseSha, target.fingerprint, this.o.plan);
    this.identity = id;
    const prefix = keyPrefix(id);
    let file: string | undefined;
    try {
      file = await this.cache.restore(prefix, [prefix]);
    } catch (e) {
      this.o.notice?.(`baseline cache not read (${String((e as Error).message ?? e)}): the base side runs`);
      return;
    }
    if (!file) {
      this.o.info?.(`no baseline in the cache for ${prefix}*: the base side runs`);
      return;
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      this.o.notice?.('baseline cache entry unreadable: ignored, the base side runs');
      return;
    }
    const v = verifyEntry(text, id, this.baseIds);
    if ('why' in v) {
      this.o.notice?.(`baseline cache entry ignored: ${v.why}. The base side runs`);
      return;
    }
    for (const c of v.results.cases) this.samples.set(c.id, c.samples);
    this.restored = sampleCount(v.results);
    this.o.info?.(
      `baseline reused from the cache: ${this.restored} samples of ${v.results.cases.length} base cases (${prefix}${this.restored})`,
    );
  }

  /** The runner's prior for the base side: what it ran so far, extended with the restored samples. */
  prior(current: ResultsFile | undefined): ResultsFile | undefined {
    if (!this.samples.size) return current;
    const cases = [...this.samples].map(([id, samples]) => {
      const now = current?.cases.find((c) => c.id === id)?.samples ?? [];
      return { id, category: 'x', severity: 'low' as const, samples: [...now, ...samples.slice(now.length)] };
    });
    const others = (current?.cases ?? []).filter((c) => !this.samples.has(c.id));
    return {
      kind: 'safety-gate.results',
      schemaVersion: 1,
      target: { name: 'prior' },
      cases: [...cases, ...others],
    };
  }

  /** What the base side returned (each round, each confirmation): the base's own cases are kept. */
  record(r: ResultsFile): void {
    this.template ??= r;
    for (const c of r.cases) {
      if (!this.baseIds.has(c.id)) continue;
      if (c.samples.some((s) => !s || s.error)) this.errored = true;
      const had = this.samples.get(c.id) ?? [];
      if (c.samples.length > had.length) this.samples.set(c.id, [...c.samples]);
    }
  }

  /** Saves a new entry when the base side ran samples the restored one did not hold, and none errored. */
  async save(): Promise<void> {
    const id = this.identity;
    const t = this.template;
    if (!id || !t) return;
    if (this.errored) {
      this.o.info?.('baseline not cached: the base side had errors');
      return;
    }
    const cases = t.cases
      .filter((c) => this.samples.has(c.id))
      .map((c) => ({ ...c, samples: this.samples.get(c.id)! }));
    // Redacted before hashing, as every write is: the hash covers exactly what lands in the entry.
    const results = JSON.parse(redactAll(JSON.stringify({ ...t, cases }))) as ResultsFile;
    const n = sampleCount(results);
    if (n <= this.restored) return;
    const key = `${keyPrefix(id)}${n}-${Date.now().toString(36)}`;
    const entry: Entry = {
      kind: KIND,
      key,
      identity: id,
      resultsSha256: sha256(canonicalJson(results)),
      results,
    };
    const file = join(this.o.dir, 'baseline-cache-entry.json');
    writeArtifact(file, JSON.stringify(entry));
    try {
      await this.cache.save(key, file);
      this.o.info?.(`baseline saved to the cache: ${n} samples (${key})`);
    } catch (e) {
      this.o.notice?.(`baseline not saved to the cache (${String((e as Error).message ?? e)})`);
    }
  }
}
