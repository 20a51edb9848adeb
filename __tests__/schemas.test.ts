import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { exportSchemas, FILE_SCHEMAS, fileSchema } from '../src/schema/export.js';
import { runCli } from './helpers/cli.js';

type Json = {
  $id?: string;
  title?: string;
  description?: string;
  properties?: Record<string, Json>;
  anyOf?: Json[];
  oneOf?: Json[];
  items?: Json;
  type?: string;
};

/** The object schemas at the top of a file kind (a union of target types; a case or a list of cases). */
function topObjects(j: Json, listsOf: boolean): Json[] {
  if (j.properties) return [j];
  const alts = j.anyOf ?? j.oneOf ?? [];
  return alts.flatMap((a) =>
    a.type === 'array' ? (listsOf && a.items ? topObjects(a.items, false) : []) : topObjects(a, listsOf),
  );
}

describe('JSON Schemas for editors', () => {
  it('every file kind has $id, title and description, and every top-level key a description', () => {
    for (const name of Object.keys(FILE_SCHEMAS)) {
      const j = fileSchema(name) as Json;
      expect(j.$id).toBe(`urn:agentic-safety-gate:schema:${name}:1`);
      expect(j.title).toBe(`agentic-safety-gate ${name}`);
      expect(j.description).toMatch(/\w{4}/);
      const objects = topObjects(j, name === 'case');
      expect(objects.length).toBeGreaterThan(0);
      const undocumented = objects.flatMap((o) =>
        Object.entries(o.properties ?? {})
          .filter(([, v]) => !v.description)
          .map(([k]) => `${name}.${k}`),
      );
      expect(undocumented).toEqual([]);
    }
  });

  it('schemas/ in the package is what the code exports (run `safety-gate schema --out schemas` after a schema change)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-schemas-'));
    const files = exportSchemas(dir);
    expect(readdirSync('schemas').sort()).toEqual(files.map((f) => f.slice(dir.length + 1)).sort());
    for (const f of files)
      expect(readFileSync(join('schemas', f.slice(dir.length + 1)), 'utf8')).toBe(readFileSync(f, 'utf8'));
    expect(JSON.parse(readFileSync('package.json', 'utf8')).files).toContain('schemas');
  });

  it('init writes a yaml-language-server modeline that resolves to the shipped schema once the package is installed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-modeline-'));
    expect((await runCli(['init', '--dir', dir])).code).toBe(0);
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(resolve('.'), join(dir, 'node_modules', 'agentic-safety-gate'));
    for (const [file, kind] of [
      ['.safety-gate.yml', 'config'],
      ['safety/cases/my-agent.yml', 'case'],
    ]) {
      const first = readFileSync(join(dir, file), 'utf8').split('\n')[0];
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(m).not.toBeNull();
      const target = resolve(dirname(join(dir, file)), m![1]);
      expect(existsSync(target)).toBe(true);
      expect((JSON.parse(readFileSync(target, 'utf8')) as Json).$id).toBe(
        `urn:agentic-safety-gate:schema:${kind}:1`,
      );
    }
  });
});
