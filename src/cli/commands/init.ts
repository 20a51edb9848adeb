import { join, relative, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { init, type InitOptions } from '../../app/init.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('scaffold .safety-gate.yml, a first case and the PR workflow in a repository')
    .addOption(
      new Option('--target <kind>', 'how your agent is reached')
        .choices(['sim', 'openai', 'anthropic', 'command', 'http'])
        .default('sim'),
    )
    .option('--dir <dir>', 'the repository root', '.')
    .option('--force', 'overwrite existing files')
    .option(
      '--release',
      'also the release checklists (security review, on-call playbook, rollback plan) and the release workflow',
    )
    .action(async (o: InitOptions) => {
      const written = await init(o);
      for (const f of written)
        process.stdout.write(`wrote ${relative(process.cwd(), join(resolve(o.dir), f)) || f}\n`);
      process.stdout.write(
        'next: edit `target` and add your cases, `safety-gate validate`, then push: the workflow gates every PR.\n',
      );
    });
}
