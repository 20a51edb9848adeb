// Runs the CLI in this process and reports, at exit, its wall time since start and its peak RSS (bench/gate.ts).
const t0 = performance.now();
process.on('exit', () =>
  process.stderr.write(
    `BENCH ${JSON.stringify({ wallMs: performance.now() - t0, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
  ),
);
const [cli, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], cli, ...args];
await import(cli);
