import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, resolve } from 'node:path';

/**
 * The package as npm users get it: `npm pack`, installed from the tarball alone into an empty folder (offline, so
 * nothing else can be fetched), then `npx safety-gate demo` and `import('agentic-safety-gate')`.
 *
 * It packs the committed dist/ (kept equal to src/ by dist.test.ts) when dist/ has the library entry and its type
 * declarations; otherwise (a branch that changed src/ without rebuilding) it builds dist/ in a temporary copy of the
 * working tree first.
 */
const repo = resolve('.');
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });

function packageRoot(): string {
  if (['lib.js', 'lib.d.ts'].every((f) => existsSync(join(repo, 'dist', f)))) return repo;
  const copy = mkdtempSync(join(tmpdir(), 'sg-pkg-src-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repo,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((f) => f && !f.startsWith('dist/') && existsSync(join(repo, f)));
  execFileSync('tar', ['-cf', join(copy, 'src.tar'), '--null', '-T', '-'], {
    cwd: repo,
    input: files.join('\0'),
  });
  execFileSync('tar', ['-xf', 'src.tar'], { cwd: copy });
  symlinkSync(join(repo, 'node_modules'), join(copy, 'node_modules'));
  execFileSync(
    process.execPath,
    [join(repo, 'node_modules/rollup/dist/bin/rollup'), '--config', 'rollup.config.js'],
    {
      cwd: copy,
      stdio: 'ignore',
    },
  );
  return copy;
}

describe('the npm package', () => {
  let tarball: string;
  let packed: string[];
  let app: string;

  beforeAll(() => {
    const root = packageRoot();
    const out = mkdtempSync(join(tmpdir(), 'sg-pkg-tgz-'));
    const info = JSON.parse(
      npm(['pack', '--json', '--ignore-scripts', '--pack-destination', out], root),
    ) as Array<{
      filename: string;
      files: Array<{ path: string }>;
    }>;
    tarball = join(out, info[0].filename);
    packed = info[0].files.map((f) => f.path);
    app = mkdtempSync(join(tmpdir(), 'sg-pkg-app-'));
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'app', version: '1.0.0', private: true, type: 'module' }),
    );
    npm(['install', '--offline', '--ignore-scripts', '--save-dev', tarball], app);
  }, 900_000);

  it('holds the entries, LICENSE, schemas, docs and examples, and no sources or tests', () => {
    for (const f of [
      'dist/lib.js',
      'dist/lib.d.ts',
      'dist/cli.js',
      'dist/index.js',
      'action.yml',
      'LICENSE',
      'README.md',
      'package.json',
      'schemas/config.schema.json',
      'rules/core.yml',
      'docs/action.md',
      'examples/suite',
      'examples/agent/agent.js',
      'examples/workflows/pr-gate.yml',
    ])
      expect(packed.some((p) => p === f || p.startsWith(`${f}/`))).toBe(true);
    expect(packed.filter((p) => /^(src|__tests__|scripts|bench)\//.test(p))).toEqual([]);
  });

  it('every relative link in README.md and docs/ points into the package', () => {
    const broken: string[] = [];
    for (const doc of ['README.md', ...readdirSync(join(repo, 'docs')).map((f) => `docs/${f}`)]) {
      if (!doc.endsWith('.md')) continue;
      const text = readFileSync(join(repo, doc), 'utf8');
      for (const m of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(m[1])) continue;
        const target = normalize(join(dirname(doc), m[1])).replace(/\/$/, '');
        if (!packed.some((p) => p === target || p.startsWith(`${target}/`))) broken.push(`${doc} -> ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('installs from the tarball alone: no runtime dependency tree', () => {
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { dependencies?: object };
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(readdirSync(join(app, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual([
      'agentic-safety-gate',
    ]);
  });

  it('npx safety-gate demo runs the closed loop from the installed package', () => {
    const r = spawnSync('npx', ['--offline', '--no-install', 'safety-gate', 'demo', '--out-dir', 'out'], {
      cwd: app,
      encoding: 'utf8',
    });
    expect(r.stderr).not.toMatch(/internal error|Cannot find (module|package)/);
    expect(r.status).toBe(0);
    expect(existsSync(join(app, 'out', 'demo', 'index.md'))).toBe(true);
    // --version is the package's own, built in (the baseline cache keys on it), whatever the environment says.
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string };
    const version = spawnSync('npx', ['--offline', '--no-install', 'safety-gate', '--version'], {
      cwd: app,
      encoding: 'utf8',
      env: { ...process.env, SAFETY_GATE_VERSION: '99.0.0' },
    });
    expect(version.stdout.trim()).toBe(pkg.version);
    // No arguments: the help, and a non-zero exit (a CI step that forgot its command must not pass).
    const bare = spawnSync('npx', ['--offline', '--no-install', 'safety-gate'], {
      cwd: app,
      encoding: 'utf8',
    });
    expect(bare.status).toBe(3);
    expect(bare.stdout + bare.stderr).toMatch(/Usage: safety-gate/);
  });

  it('import("agentic-safety-gate") is the library: no side effect, the API is there', () => {
    const r = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const m = await import('agentic-safety-gate'); console.log(JSON.stringify(Object.keys(m).sort()));",
      ],
      { cwd: app, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: 'true' } },
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const keys = JSON.parse(r.stdout) as string[];
    for (const k of [
      'runGate',
      'runSuite',
      'createTarget',
      'loadProject',
      'summariseErrors',
      'sideUnusable',
      'TargetUnusableError',
      'renderSummary',
      'exportSchemas',
    ])
      expect(keys).toContain(k);
    expect(r.stdout).not.toContain('::error::');
  });

  it('TypeScript consumers get the types: a right use type-checks, a wrong one does not', () => {
    // Checked as a consumer's project does, strict and without skipLibCheck, so the declarations themselves are
    // checked too and may refer to nothing the package does not ship (only @types/node, as any Node library).
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
          typeRoots: [join(repo, 'node_modules', '@types')],
        },
      }),
    );
    writeFileSync(
      join(app, 'right.ts'),
      [
        "import { ConfigSchema, loadProject, runGate, applyPolicy, exitCodeFor, InputError } from 'agentic-safety-gate';",
        "import type { ProjectConfig, Verdict, GateFile, ResultsFile } from 'agentic-safety-gate';",
        'export async function check(base: ResultsFile, head: ResultsFile): Promise<number> {',
        "  const project = await loadProject({ cwd: '.' });",
        '  const config: ProjectConfig = ConfigSchema.parse(project.config);',
        '  const gate: GateFile = runGate(base, head, { policy: applyPolicy(config.policy) });',
        '  const verdict: Verdict = gate.verdict;',
        "  if (project.cases.length === 0) throw InputError.one('suite', 'cases', 'no case');",
        "  return exitCodeFor(verdict, 'block');",
        '}',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(app, 'wrong.ts'),
      [
        "import { runGate, applyPolicy, type Verdict } from 'agentic-safety-gate';",
        "export const verdict: Verdict = 'MAYBE';",
        "export const gate = runGate('base.json', 'head.json', { policy: applyPolicy() });",
        '',
      ].join('\n'),
    );
    // One compiler run over both files (it is the slow part): every error is wrong.ts's, none right.ts's or the
    // package's own declarations'.
    const r = spawnSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', '.'], {
      cwd: app,
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    const errors = (r.stdout + r.stderr).split('\n').filter((l) => /error TS/.test(l));
    expect(errors.map((l) => l.replace(/\(\d+,\d+\).*?(TS\d+).*/, ' $1'))).toEqual([
      'wrong.ts TS2322', // 'MAYBE' is not a Verdict
      'wrong.ts TS2345', // a path is not a ResultsFile
    ]);
  }, 300_000);
});
