import { InvalidArgumentError } from 'commander';

export interface RunOptions {
  suite?: string[];
  rules?: string[];
  samples?: number;
  concurrency?: number;
  seed?: string;
  ref?: string;
  config?: string;
  shard?: string;
  /** false with --no-cache */
  cache?: boolean;
}

export function intOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`expected a whole number >= 1, got "${value}"`);
  return n;
}
