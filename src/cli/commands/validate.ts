import type { Command } from 'commander';
import { loadProject } from '../../app/project.js';
import { createTarget } from '../../target/resolve.js';
import { resolve } from 'node:path';
import { loadIncident } from '../../incident/load.js';
import { analyseIncident } from '../../incident/replay.js';
import { applyPolicy } from '../../policy/load.js';
import { toolRuleWarnings } from '../../rule/coverage.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('load the config, rule packs and suite; report every problem (exit 3 when any)')
    .option('--config <file>', 'project config (default: .safety-gate.yml when present)')
    .option('--suite <path...>', 'case files, folders, globs or builtin:NAME')
    .option('--rules <path...>', 'rule packs')
    .option(
      '--incident <file>',
      'also check an incident file: it loads and a rule flags it (what replay needs)',
    )
    .action(async (o: { config?: string; suite?: string[]; rules?: string[]; incident?: string }) => {
      const project = await loadProject(o);
      if (o.incident) {
        const incident = loadIncident(resolve(o.incident));
        const policy = applyPolicy(project.config.policy, undefined, project.file ?? 'config');
        const { rootCause: rc, scrubber } = await analyseIncident(
          incident,
          project.rules,
          policy.policy.delayedTurn,
        );
        process.stdout.write(
          `incident ${incident.incident.id}: ${rc.category} (${rc.labelledBy}); ${rc.summary}` +
            (scrubber.replaced ? `; ${scrubber.replaced} secret value(s) will be replaced by fakes` : '') +
            '\n',
        );
      }
      // Sim targets are checked whole; real ones only by schema here (their API keys may not be in this shell).
      if (project.config.target?.type === 'sim')
        createTarget(project.config.target, project.file ?? 'target');
      for (const w of toolRuleWarnings(project.cases, project.rules)) process.stderr.write(`warning: ${w}\n`);
      const n = project.cases.length;
      process.stdout.write(
        `ok: ${n} case${n === 1 ? '' : 's'}, ${project.rules.size} rules${project.file ? `, config ${project.file}` : ''}\n`,
      );
    });
}
