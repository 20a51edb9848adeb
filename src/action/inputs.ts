import * as core from '@actions/core';
import { parseShard, type Shard } from '../runner/shard.js';
import type { FailOn } from '../verdict/gate.js';

export type Mode = 'gate' | 'run' | 'stress' | 'replay' | 'merge' | 'release' | 'monitor' | 'rejudge';

export interface ActionInputs {
  mode: Mode;
  config?: string;
  baselineRef?: string;
  candidateRef?: string;
  baselineResults?: string;
  candidateResults?: string;
  incident?: string;
  traffic?: string;
  /** mode monitor: the control and canary logs, the drift window, a target to shadow-replay control against. */
  control?: string;
  canary?: string;
  window?: string;
  shadowTarget?: string;
  token: string;
  failOn: FailOn;
  comment: boolean;
  /** Reuse the base side's results between runs through the Actions cache (gate and release modes). */
  baselineCache: boolean;
  checkName: string;
  artifactName: string;
  retentionDays?: number;
  samples?: number;
  rollouts?: number;
  concurrency?: number;
  shard?: Shard;
  /** Release mode: the branch the audit records are appended to (off when empty). */
  auditBranch?: string;
  /** Release mode: past gate.json files or an audit log (a glob in the workspace), for the trend. */
  history?: string;
}

function optional(name: string): string | undefined {
  const v = core.getInput(name).trim();
  return v === '' ? undefined : v;
}

function positiveInt(name: string): number | undefined {
  const v = optional(name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`input ${name}: expected a whole number >= 1, got "${v}"`);
  return n;
}

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const v = (optional(name) ?? fallback).toLowerCase();
  if (!allowed.includes(v as T))
    throw new Error(`input ${name}: expected one of ${allowed.join(', ')}, got "${v}"`);
  return v as T;
}

export function readInputs(): ActionInputs {
  const shard = optional('shard');
  return {
    mode: oneOf(
      'mode',
      ['gate', 'run', 'stress', 'replay', 'merge', 'release', 'monitor', 'rejudge'] as const,
      'gate',
    ),
    config: optional('config'),
    baselineRef: optional('baseline-ref'),
    candidateRef: optional('candidate-ref'),
    baselineResults: optional('baseline-results'),
    candidateResults: optional('candidate-results'),
    incident: optional('incident'),
    traffic: optional('traffic'),
    control: optional('control'),
    canary: optional('canary'),
    window: optional('window'),
    shadowTarget: optional('shadow-target'),
    token: core.getInput('github-token'),
    failOn: oneOf('fail-on', ['block', 'warn', 'never'] as const, 'block'),
    comment: (optional('comment') ?? 'true').toLowerCase() !== 'false',
    baselineCache: (optional('baseline-cache') ?? 'true').toLowerCase() !== 'false',
    checkName: optional('check-name') ?? 'Safety gate',
    artifactName: optional('artifact-name') ?? 'safety-gate',
    retentionDays: positiveInt('retention-days'),
    samples: positiveInt('samples'),
    rollouts: positiveInt('rollouts'),
    concurrency: positiveInt('concurrency'),
    shard: shard ? parseShard(shard, 'input shard') : undefined,
    auditBranch: branchName('audit-branch'),
    history: optional('history'),
  };
}

function branchName(name: string): string | undefined {
  const v = optional(name);
  if (v === undefined || v.toLowerCase() === 'false') return undefined;
  if (!/^[A-Za-z0-9._/-]+$/.test(v) || v.includes('..') || v.startsWith('/') || v.endsWith('/'))
    throw new Error(`input ${name}: expected a branch name, got "${v}"`);
  return v;
}
