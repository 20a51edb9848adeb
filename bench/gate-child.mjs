import { performance } from 'node:perf_hooks';

// Runs the CLI in this process and reports at exit its wall time since start, its CPU time and its peak RSS
// (bench/gate.ts). CPU time is the figure to compare on a loaded machine: wall time there includes waiting.
const t0 = performance.now();
process.on('exit', () => {
  const cpu = process.cpuUsage();
  process.stderr.write(
    `BENCH ${JSON.stringify({ wallMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
});
const [cli, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], cli, ...args];
await import(cli);
