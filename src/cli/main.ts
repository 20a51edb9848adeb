import { Command, CommanderError } from 'commander';
import { registerRun } from './commands/run.js';
import { registerValidate } from './commands/validate.js';
import { registerSchema } from './commands/schema.js';
import { registerGate } from './commands/gate.js';
import { registerReport } from './commands/report.js';
import { registerMerge } from './commands/merge.js';
import { registerReplay } from './commands/replay.js';
import { registerStress } from './commands/stress.js';
import { registerPromote } from './commands/promote.js';
import { registerDemo } from './commands/demo.js';
import { registerInit } from './commands/init.js';
import { registerImport } from './commands/import.js';
import { registerGrade } from './commands/grade.js';
import { registerAudit } from './commands/audit.js';
import { registerMonitor } from './commands/monitor.js';
import { EXIT, ExitError, describeError } from '../app/errors.js';
import { VERSION } from '../util/version.js';

/** What a command reports back besides throwing: the verdict exit code. */
export interface CliContext {
  exitCode: number;
}

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('safety-gate')
    .description('Safety regression gate for LLM agents: base vs head, honest statistics, OK / WARN / BLOCK.')
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError();
  registerRun(program);
  registerGate(program, ctx);
  registerReport(program);
  registerStress(program);
  registerPromote(program);
  registerReplay(program, ctx);
  registerMerge(program);
  registerImport(program);
  registerGrade(program);
  registerValidate(program);
  registerSchema(program);
  registerDemo(program);
  registerInit(program);
  registerAudit(program, ctx);
  registerMonitor(program, ctx);
  for (const cmd of program.commands) {
    cmd.exitOverride();
    for (const sub of cmd.commands) sub.exitOverride();
  }
  return program;
}

/** Runs the CLI and returns the exit code: 0..2 are verdicts, 3 is any error. Never throws. */
export async function main(argv: string[]): Promise<number> {
  const ctx: CliContext = { exitCode: EXIT.OK };
  const program = buildProgram(ctx);
  if (argv.length === 0) {
    // A CI step that lost its command must not pass: the help, and exit 3.
    process.stderr.write(program.helpInformation() + '\nerror: no command given\n');
    return EXIT.ERROR;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return EXIT.OK;
      return EXIT.ERROR;
    }
    process.stderr.write(describeError(e) + '\n');
    if (process.env.SAFETY_GATE_DEBUG && e instanceof Error && !(e instanceof ExitError))
      process.stderr.write(`${e.stack}\n`);
    return e instanceof ExitError ? e.code : EXIT.ERROR;
  }
}
