// One script builds dist/: the action entry (dist/index.js, action.yml's main), the CLI (dist/cli.js, the bin) and
// the library entry (dist/lib.js, package.json's main/exports: no side effect on import), dependencies bundled;
// then the library's type declarations as one file (dist/lib.d.ts, the `types` condition), with the types it uses
// from bundled dependencies (zod's) inlined, so a TypeScript consumer needs nothing but this package (and
// @types/node, as for any Node library).
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import { existsSync } from 'node:fs';
import { dts } from 'rollup-plugin-dts';

const inputs = { cli: 'src/cli/bin.ts', lib: 'src/lib.ts' };
if (existsSync('src/action/index.ts')) inputs.index = 'src/action/index.ts';

const code = {
  input: inputs,
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name].js',
    banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
  },
  plugins: [
    typescript({ tsconfig: './tsconfig.build.json', noEmitOnError: true }),
    nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
    commonjs(),
    json(),
  ],
  onwarn(warning, warn) {
    // Known-harmless in bundled dependencies.
    if (
      warning.code === 'CIRCULAR_DEPENDENCY' ||
      warning.code === 'THIS_IS_UNDEFINED' ||
      warning.code === 'INVALID_ANNOTATION'
    )
      return;
    warn(warning);
  },
};

const types = {
  input: { lib: 'src/lib.ts' },
  output: { dir: 'dist', format: 'es', entryFileNames: '[name].d.ts' },
  plugins: [dts({ tsconfig: './tsconfig.build.json', respectExternal: true })],
};

export default [code, types];
