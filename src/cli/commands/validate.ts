import type { Command } from 'commander';
import { loadProject } from '../../config/project.js';
import { createTarget } from '../../target/resolve.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('load the config, rule packs and suite; report every problem (exit 3 when any)')
    .option('--config <file>', 'project config (default: .safety-gate.yml when present)')
    .option('--suite <path...>', 'case files, folders, globs or builtin:NAME')
    .option('--rules <path...>', 'rule packs')
    .action(async (o: { config?: string; suite?: string[]; rules?: string[] }) => {
      const project = await loadProject(o);
      // Sim targets are checked whole; real ones only by schema here (their API keys may not be in this shell).
      if (project.config.target?.type === 'sim')
        createTarget(project.config.target, project.file ?? 'target');
      const n = project.cases.length;
      process.stdout.write(
        `ok: ${n} case${n === 1 ? '' : 's'}, ${project.rules.size} rules${project.file ? `, config ${project.file}` : ''}\n`,
      );
    });
}
