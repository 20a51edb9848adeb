import type { Progress } from '../runner/suite.js';

/**
 * Progress for long runs: one redrawn line on a TTY, a plain line every `everyMs` otherwise (CI logs).
 * Written to stderr so stdout stays machine-readable.
 */
export function progressReporter(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
  everyMs = 10_000,
) {
  const tty = Boolean(stream.isTTY);
  let lastAt = 0;
  return (p: Progress) => {
    const now = Date.now();
    const finished = p.done === p.total;
    if (!finished && now - lastAt < (tty ? 100 : everyMs)) return;
    lastAt = now;
    const rate = p.elapsedMs > 0 ? p.done / (p.elapsedMs / 1000) : 0;
    const eta = rate > 0 ? Math.ceil((p.total - p.done) / rate) : 0;
    const line = `${label}: ${p.casesDone}/${p.cases} cases, ${p.done}/${p.total} samples, ${p.calls} calls, ${p.failures} failing, ${p.errors} errors${finished ? '' : `, ETA ${eta}s`}`;
    if (tty) stream.write(`\r\x1b[2K${line}${finished ? '\n' : ''}`);
    else stream.write(line + '\n');
  };
}
