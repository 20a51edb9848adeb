import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The layers of src/, lowest first. Imports only go down (or stay level); a folder not listed here fails the test,
 * so a new folder is placed on purpose.
 */
export const LAYERS: Record<string, number> = {
  // foundation: input plumbing and helpers with no product knowledge
  util: 0,
  input: 0,
  git: 0,
  types: 0,
  // the pure domain
  case: 1,
  config: 1,
  rule: 1,
  target: 1,
  runner: 1,
  results: 1,
  trajectory: 1,
  stats: 1,
  verdict: 1,
  policy: 1,
  report: 1,
  incident: 1,
  stress: 1,
  promote: 1,
  schema: 1,
  import: 1,
  monitor: 1,
  audit: 1,
  release: 1,
  // use cases
  app: 2,
  // edges, and the GitHub adapter only the action uses; lib.ts is the package's library entry (an edge that must
  // not pull in commander or @actions/*)
  'lib.ts': 3,
  github: 3,
  action: 3,
  cli: 3,
};

const EDGES = new Set(['action', 'cli', 'github']);
/** Which edge may import which other edge. */
const EDGE_IMPORTS: Record<string, string[]> = { action: ['github'], cli: [], github: [] };
/** Packages only an edge may import: the domain and the use cases run the same under the CLI and the action. */
const EDGE_PACKAGES = /^(commander|@actions\/)/;

export interface Violation {
  file: string;
  imports: string;
  why: string;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(m?ts)$/.test(p) ? [p] : [];
  });
}

const SPECIFIERS = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g;

/** Every import in `srcDir` that breaks the layer rule, resolved to the folder it lands in (at any depth). */
export function layerViolations(srcDir: string): Violation[] {
  const root = resolve(srcDir);
  const out: Violation[] = [];
  const top = (abs: string) => relative(root, abs).split(sep)[0];
  for (const file of files(root)) {
    const from = top(file);
    const rel = relative(root, file);
    if (!(from in LAYERS)) {
      out.push({ file: rel, imports: '', why: `folder src/${from} has no layer (add it to LAYERS)` });
      continue;
    }
    for (const m of readFileSync(file, 'utf8').matchAll(SPECIFIERS)) {
      const spec = m[1];
      if (!spec.startsWith('.')) {
        if (EDGE_PACKAGES.test(spec) && !EDGES.has(from))
          out.push({ file: rel, imports: spec, why: `src/${from} must not import ${spec} (edges only)` });
        continue;
      }
      const target = resolve(dirname(file), spec);
      // The package's own manifest is data (its version), inlined at build time.
      if (target === resolve(root, '..', 'package.json')) continue;
      if (!target.startsWith(root + sep)) {
        out.push({ file: rel, imports: spec, why: 'imports from outside src/' });
        continue;
      }
      const to = top(target);
      if (to === from) continue;
      if (!(to in LAYERS)) {
        out.push({ file: rel, imports: spec, why: `src/${to} has no layer` });
        continue;
      }
      if (EDGES.has(to) && !(EDGE_IMPORTS[from] ?? []).includes(to))
        out.push({ file: rel, imports: spec, why: `src/${from} must not import the edge src/${to}` });
      else if (LAYERS[to] > LAYERS[from])
        out.push({
          file: rel,
          imports: spec,
          why: `src/${from} (layer ${LAYERS[from]}) imports up into src/${to} (layer ${LAYERS[to]})`,
        });
    }
  }
  return out;
}
