import type { Command } from 'commander';
import { showAudit, verifyAudit } from '../../app/audit.js';
import { ExitError } from '../../app/errors.js';
import type { CliContext } from '../main.js';

/** Control characters from a log (who / why come from comments and commits) are not echoed to the terminal. */
const safe = (s: unknown) => [...String(s ?? '')].map((ch) => (/\p{Cc}/u.test(ch) ? ' ' : ch)).join('');

export function registerAudit(program: Command, ctx: CliContext): void {
  const audit = program
    .command('audit')
    .description('the tamper-evident audit log (safety-gate.audit.jsonl): verify its chain, or show it');
  audit
    .command('verify <log>')
    .description(
      'check every record against its hash and the one before it (exit 3 naming the first broken record)',
    )
    .action((log: string) => {
      const v = verifyAudit(log);
      if (!v.ok) throw new ExitError(`${v.file}: BROKEN at ${v.problem}`);
      process.stdout.write(`${v.file}: ok, ${v.records} record${v.records === 1 ? '' : 's'}, chain intact\n`);
      ctx.exitCode = 0;
    });
  audit
    .command('show <log>')
    .description('print the records (after verifying the chain)')
    .option('--json', 'one JSON record per line')
    .action((log: string, o: { json?: boolean }) => {
      for (const r of showAudit(log)) {
        if (o.json) process.stdout.write(JSON.stringify(r) + '\n');
        else
          process.stdout.write(
            `#${r.seq} ${safe(r.at)} ${safe(r.kind)}${r.verdict ? ` ${safe(r.verdict)}` : ''} by ${safe(r.who)}` +
              `${r.headSha ? ` @ ${safe(r.headSha).slice(0, 12)}` : ''}: ${safe(r.why)}\n`,
          );
      }
    });
}
