import { InvalidArgumentError, type Command } from 'commander';

/** Samples are bounded like the config's `samples` (at most 1000): `--samples 1e9` is an error, not an out-of-memory abort. */
export function samplesOption(value: string): number {
  const n = intOption(value);
  if (n > 1000) throw new InvalidArgumentError(`expected at most 1000 samples, got "${value}"`);
  return n;
}

export function intOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`expected a whole number >= 1, got "${value}"`);
  return n;
}

/** The options that say how a suite is run: shared by `run` and by `gate` when it is given targets. */
export function withRunOptions(cmd: Command): Command {
  return cmd
    .option('--suite <path...>', 'case files, folders, globs or builtin:NAME (default: the config suite)')
    .option('--rules <path...>', 'rule packs (default: the config rules)')
    .option('--samples <k>', 'runs per case (per side), at most 1000', samplesOption)
    .option('--concurrency <n>', 'conversations in flight', intOption)
    .option('--seed <seed>', 'seed for simulated agents and sampling (the same for both sides)')
    .option('--config <file>', 'project config (default: .safety-gate.yml when present)')
    .option('--no-cache', 'do not read or write the response cache')
    .option(
      '--cache-dir <dir>',
      "response cache folder (default: the config's cache, else the user's cache folder)",
    );
}
