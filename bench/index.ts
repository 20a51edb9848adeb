// npm run bench: prints figures, asserts nothing (speed is measured here, never in tests).
import { benchRun } from './run.js';
import { benchGate } from './gate.js';
import { benchTargets } from './targets.js';
import { benchReplay } from './replay.js';
import { benchStress } from './stress.js';
import { benchRules } from './rules.js';
import { benchMonitor } from './monitor.js';
import { benchCalibration } from './calibration.js';

const which = process.argv[2];
const suites: Record<string, () => Promise<void>> = {
  run: benchRun,
  gate: benchGate,
  targets: benchTargets,
  replay: benchReplay,
  stress: benchStress,
  rules: benchRules,
  monitor: benchMonitor,
  // Minutes, not seconds: only when named (`npm run bench calibration [scale]`).
  calibration: benchCalibration,
};
const onlyWhenNamed = new Set(['calibration']);
for (const [name, fn] of Object.entries(suites)) {
  if (which ? which !== name : onlyWhenNamed.has(name)) continue;
  await fn();
}
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
