import type { Progress } from '../runner/suite.js';

/**
 * A status line for long runs: redrawn in place on a TTY (at most every 100 ms), a plain line every `everyMs`
 * otherwise (CI logs). Written to stderr so stdout stays machine-readable. The final line is always written.
 */
export function statusLine(stream: NodeJS.WriteStream = process.stderr, everyMs = 10_000) {
  const tty = Boolean(stream.isTTY);
  let lastAt = 0;
  return (line: () => string, finished: boolean) => {
    const now = Date.now();
    if (!finished && now - lastAt < (tty ? 100 : everyMs)) return;
    lastAt = now;
    if (tty) stream.write(`\r\x1b[2K${line()}${finished ? '\n' : ''}`);
    else stream.write(line() + '\n');
  };
}

/** Progress of a suite run: cases and samples done, calls, failures, errors, ETA. */
export function progressReporter(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
  everyMs = 10_000,
) {
  const show = statusLine(stream, everyMs);
  return (p: Progress) => {
    const finished = p.done === p.total;
    show(() => {
      const rate = p.elapsedMs > 0 ? p.done / (p.elapsedMs / 1000) : 0;
      const eta = rate > 0 ? Math.ceil((p.total - p.done) / rate) : 0;
      return `${label}: ${p.casesDone}/${p.cases} cases, ${p.done}/${p.total} samples, ${p.calls} calls, ${p.failures} failing, ${p.errors} errors${finished ? '' : `, ETA ${eta}s`}`;
    }, finished);
  };
}
