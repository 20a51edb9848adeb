import { InvalidArgumentError, type Command } from 'commander';

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
    .option('--samples <k>', 'runs per case (per side)', intOption)
    .option('--concurrency <n>', 'conversations in flight', intOption)
    .option('--seed <seed>', 'seed for simulated agents and sampling (the same for both sides)')
    .option('--config <file>', 'project config (default: .safety-gate.yml when present)')
    .option('--no-cache', 'do not read or write the response cache');
}
