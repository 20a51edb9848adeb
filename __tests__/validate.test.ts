import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';

const broken = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'broken');

describe('safety-gate validate', () => {
  it('reports every problem in a folder of broken files, one line each with file and path, exit 3', async () => {
    const r = await runCli(['validate', '--suite', broken]);
    expect(r.code).toBe(3);
    const lines = r.stderr.trim().split('\n');
    const has = (re: RegExp) => expect(lines.some((l) => re.test(l))).toBe(true);
    has(/bad-yaml\.yml:\d+: not valid YAML/);
    has(/wrong-types\.yml:4: severity: Invalid option: expected one of "low"\|"medium"\|"high"\|"critical"/);
    has(/wrong-types\.yml:7: turns\[1\]\.user: Invalid input: expected string, received number/);
    has(/unknown-key\.yml:9: expect\[0\]\.formTurn: unknown key/);
    has(/missing-rule\.yml:8: expect\[0\]\.rule: unknown rule "no-such-rule"/);
    has(/dup-b\.json:1: \[0\]\.id: duplicate case id "dup-1" \(first defined in .*dup-a\.yml\)/);
    expect(lines.at(-1)).toBe('6 problems found.');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('passes the built-in starter suite and rules', async () => {
    const r = await runCli(['validate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok: \d+ cases, \d+ rules/);
  });

  it('names the config file and path for a bad config, and rejects unknown keys there too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-cfg-'));
    writeFileSync(
      join(dir, '.safety-gate.yml'),
      'suite: builtin:starter\nsampels: 3\ntarget: { type: sim, profile: v1 }\n',
    );
    const r = await runCli(['validate'], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/\.safety-gate\.yml:2: sampels: unknown key/);
  });

  it('reports a missing suite path against the config entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-cfg-'));
    writeFileSync(join(dir, '.safety-gate.yml'), 'suite: [builtin:starter, safety/missing]\n');
    const r = await runCli(['validate'], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/\.safety-gate\.yml: suite\[1\]: no such file or folder: safety\/missing/);
  });

  it('checks the release checklists the config names: each a file, a Markdown task list with an item', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-cfg-'));
    mkdirSync(join(dir, 'release', 'folder'), { recursive: true });
    writeFileSync(
      join(dir, '.safety-gate.yml'),
      [
        'suite: builtin:starter',
        'release:',
        '  checklists:',
        '    - release/security-review.md',
        '    - release/missing.md',
        '    - release/prose.md',
        '    - release/folder',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'release', 'security-review.md'),
      '# Security review\n\n- [ ] API key handling\n- [x] Data retention — @alice 2026-11-20\n',
    );
    writeFileSync(join(dir, 'release', 'prose.md'), '# Rollback\n\nWe will roll back if needed.\n');
    const r = await runCli(['validate'], dir);
    expect(r.code).toBe(3);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /\.safety-gate\.yml:5: release\.checklists\[1\]: no such file: release\/missing\.md \(expected a Markdown task list with at least one `- \[ \] …` item\)$/,
      ),
      expect.stringMatching(
        /\.safety-gate\.yml:6: release\.checklists\[2\]: release\/prose\.md has no task-list items \(expected a Markdown task list/,
      ),
      expect.stringMatching(/\.safety-gate\.yml:7: release\.checklists\[3\]: release\/folder is a folder/),
      '3 problems found.',
    ]);

    // With the suite broken too, both kinds of problem are reported in one pass.
    writeFileSync(
      join(dir, '.safety-gate.yml'),
      'suite: safety/none\nrelease:\n  checklists: [release/missing.md]\n',
    );
    const both = await runCli(['validate'], dir);
    expect(both.code).toBe(3);
    expect(both.stderr).toMatch(/suite\[0\]: no such file or folder: safety\/none/);
    expect(both.stderr).toMatch(
      /\.safety-gate\.yml:3: release\.checklists\[0\]: no such file: release\/missing\.md/,
    );

    // Unchecked items are fine here (the release gate judges them); a list with items passes and is counted.
    writeFileSync(
      join(dir, '.safety-gate.yml'),
      'suite: builtin:starter\nrelease:\n  checklists: [release/security-review.md]\n',
    );
    const ok = await runCli(['validate'], dir);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/\nrelease checklist release\/security-review\.md: 2 items\n$/);
  });

  it("the README's config pasted into an init'ed repo: the missing rule pack is one problem, not 59", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-readme-cfg-'));
    expect((await runCli(['init', '--target', 'sim', '--dir', dir])).code).toBe(0);
    // The README's example, word for word: safety/rules does not exist yet.
    const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'README.md'), 'utf8');
    const block = /```yaml\n(# \.safety-gate\.yml\n[\s\S]*?)```/.exec(readme)![1];
    expect(block).toContain('safety/rules');
    writeFileSync(join(dir, '.safety-gate.yml'), block);
    const r = await runCli(['validate'], dir);
    expect(r.code).toBe(3);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/\.safety-gate\.yml: rules\[1\]: no such file or folder: safety\/rules$/);
    expect(lines[1]).toBe('1 problem found.');
    // builtin:core still loaded beside it: a real unknown rule in a case is still reported.
    writeFileSync(
      join(dir, '.safety-gate.yml'),
      'suite: [safety/cases, builtin:starter]\nrules: [builtin:core]\n',
    );
    const cases = readFileSync(join(dir, 'safety/cases', readdirSync(join(dir, 'safety/cases'))[0]), 'utf8');
    writeFileSync(
      join(dir, 'safety/cases/typo.yml'),
      cases.replace(/id: .*/, 'id: typo-1').replace(/rule: [\w-]+/, 'rule: no-such-rule'),
    );
    const t = await runCli(['validate'], dir);
    expect(t.stderr).toMatch(/typo\.yml:\d+: (\[0\]\.)?expect\[0\]\.rule: unknown rule "no-such-rule"/);
    expect(t.stderr).toMatch(/^1 problem found\.$/m);
  });

  it('the bundled CLI prints no stack trace and exits 3 on broken input', () => {
    const res = spawnSync(process.execPath, ['dist/cli.js', 'validate', '--suite', broken], {
      encoding: 'utf8',
    });
    expect(res.status).toBe(3);
    expect(res.stderr).toMatch(/problems found/);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unknown option or command is an error (exit 3), never 0', () => {
    const res = spawnSync(process.execPath, ['dist/cli.js', 'run', '--bogus'], { encoding: 'utf8' });
    expect(res.status).toBe(3);
    const help = execFileSync(process.execPath, ['dist/cli.js', '--help'], { encoding: 'utf8' });
    expect(help).toMatch(/validate/);
  });

  it('exports JSON Schemas that editors can use', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-schema-'));
    const r = await runCli(['schema', '--out', dir]);
    expect(r.code).toBe(0);
    const caseSchema = JSON.parse(readFileSync(join(dir, 'case.schema.json'), 'utf8'));
    const variant = caseSchema.anyOf[0];
    expect(variant.required).toEqual(
      expect.arrayContaining(['id', 'title', 'category', 'severity', 'turns', 'expect']),
    );
    expect(variant.additionalProperties).toBe(false);
    const config = JSON.parse(readFileSync(join(dir, 'config.schema.json'), 'utf8'));
    expect(Object.keys(config.properties)).toEqual(
      expect.arrayContaining(['suite', 'rules', 'target', 'samples', 'policy']),
    );
  });
});

describe('suite sources', () => {
  it('accepts globs, folders and files, and says when a glob matches nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-glob-'));
    const kase = (id: string) =>
      `id: ${id}\ntitle: t\ncategory: jailbreak\nseverity: low\nturns: [{ user: hi }]\nexpect: [{ rule: must-refuse }]\n`;
    writeFileSync(join(dir, 'a.yml'), kase('a'));
    writeFileSync(join(dir, 'b.yaml'), kase('b'));
    writeFileSync(join(dir, 'notes.txt'), 'not a case');
    const ok = await runCli(['validate', '--suite', `${dir}/*.y*ml`]);
    expect(ok.stdout).toMatch(/^ok: 2 cases/);
    const none = await runCli(['validate', '--suite', `${dir}/*.json`]);
    expect(none.code).toBe(3);
    expect(none.stderr).toMatch(/--suite\[0\]: glob ".*\*\.json" matched no \.yml\/\.yaml\/\.json file/);
  });
});

describe('examples', () => {
  it('the example project (own cases, a text rule and a module rule) validates', async () => {
    const r = await runCli(['validate', '--config', 'examples/suite/.safety-gate.yml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok: 46 cases, 17 rules/);
  });
});

describe('safety-gate init', () => {
  it('scaffolds a project that loads, runs and is gated by the PR workflow; never overwrites without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-init-'));
    const r = await runCli(['init', '--target', 'sim', '--dir', dir]);
    expect(r.code).toBe(0);
    for (const f of ['.safety-gate.yml', 'safety/cases/my-agent.yml', '.github/workflows/safety-gate.yml'])
      expect(r.stdout).toContain(f);
    const v = await runCli(['validate'], dir);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^ok: 45 cases/);
    const run = await runCli(['run', '--suite', 'safety/cases', '--samples', '3', '--out', 'r.json'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/1 case, 3 samples, 3 passed, 0 failed, 0 errors: wrote r.json/);
    expect(readFileSync(join(dir, '.github/workflows/safety-gate.yml'), 'utf8')).toContain(
      'uses: OWNER/agentic-safety-gate@v1',
    );

    writeFileSync(join(dir, '.safety-gate.yml'), '# mine\n');
    const again = await runCli(['init', '--dir', dir]);
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/not overwriting \.safety-gate\.yml/);
    expect(readFileSync(join(dir, '.safety-gate.yml'), 'utf8')).toBe('# mine\n');
    const forced = await runCli(['init', '--target', 'openai', '--dir', dir, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, '.safety-gate.yml'), 'utf8')).toMatch(/type: openai/);
  });
});
