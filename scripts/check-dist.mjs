// Builds the bundle in memory with the committed rollup config (the code and the library's type declarations) and
// compares it with dist/.
// Exit 0: dist/ is what src/ builds to. Exit 1: names the stale or missing files.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { rollup } from 'rollup';
import configs from '../rollup.config.js';

const output = [];
for (const config of [configs].flat()) {
  const bundle = await rollup({ ...config, onwarn: () => {} });
  output.push(...(await bundle.generate(config.output)).output);
  await bundle.close();
}

const stale = [];
const built = new Set();
for (const chunk of output) {
  const file = join('dist', chunk.fileName);
  built.add(file);
  const code = chunk.type === 'chunk' ? chunk.code : String(chunk.source);
  if (!existsSync(file) || readFileSync(file, 'utf8') !== code) stale.push(file);
}
const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
for (const f of existsSync('dist') ? walk('dist') : [])
  if (!built.has(relative('.', f))) stale.push(`${f} (not built from src/)`);
if (stale.length) {
  console.error(`dist/ is out of date with src/: ${stale.join(', ')}. Run "npm run build" and commit dist/.`);
  process.exit(1);
}
console.log('dist/ is up to date');
