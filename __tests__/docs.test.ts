import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const read = (f: string) => readFileSync(f, 'utf8');
const action = parse(read('action.yml')) as {
  inputs: Record<string, { default?: string; description: string }>;
  outputs: Record<string, { description: string }>;
};

/** The rows of the Markdown table under `## heading`: first cell (unquoted) -> second cell. */
function table(md: string, heading: string): Map<string, string> {
  const at = md.indexOf(`\n## ${heading}\n`);
  expect(at).toBeGreaterThanOrEqual(0);
  const section = md.slice(at + 1).split(/\n## /)[0];
  const rows = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4 || !/^`[^`]+`$/.test(cells[1])) continue;
    rows.set(cells[1].slice(1, -1), cells[2].replace(/^`|`$/g, ''));
  }
  return rows;
}

const workflows = readdirSync('examples/workflows').map((f) => join('examples/workflows', f));

describe('docs agree with the code', () => {
  it('docs/action.md lists exactly the inputs and outputs of action.yml, with its defaults', () => {
    const md = read('docs/action.md');
    const inputs = table(md, 'Inputs');
    expect([...inputs.keys()].sort()).toEqual(Object.keys(action.inputs).sort());
    for (const [name, spec] of Object.entries(action.inputs))
      if (spec.default !== undefined) expect(`${name}: ${inputs.get(name)}`).toBe(`${name}: ${spec.default}`);
    expect([...table(md, 'Outputs').keys()].sort()).toEqual(Object.keys(action.outputs).sort());
    // Every mode action.yml names is documented as available.
    const modes = /gate .*\| run .*\| merge .*\| replay .*\| stress/.test(action.inputs.mode.description);
    expect(modes).toBe(true);
    expect(md).not.toMatch(/not available/);
  });

  it('the action reference is the OWNER/agentic-safety-gate@v1 placeholder everywhere, explained in README and docs/action.md', () => {
    const files = [
      'README.md',
      'docs/action.md',
      ...readdirSync('docs').map((f) => `docs/${f}`),
      ...workflows,
    ];
    for (const f of files) expect(`${f}: ${read(f)}`).not.toMatch(/acme\/agentic-safety-gate/);
    expect(read('README.md')).toMatch(/`OWNER\/agentic-safety-gate@v1`[\s\S]{0,200}placeholder/);
    for (const f of workflows) {
      const text = read(f);
      expect(`${f}: ${text}`).toMatch(/uses: OWNER\/agentic-safety-gate@v1/);
      expect(`${f}: ${text}`).not.toMatch(/actions\/checkout@v[1-4]\b/);
      expect(`${f}: ${text}`).toMatch(/^\s*concurrency:( #.*)?\n\s+group: /m);
    }
  });

  it('README gives the install path: npm i -D agentic-safety-gate, then npx safety-gate', () => {
    const readme = read('README.md');
    expect(readme).toContain('npm i -D agentic-safety-gate');
    expect(readme).toMatch(/npx safety-gate /);
  });
});
