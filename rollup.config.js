// One script builds dist/: the action entry (dist/index.js, action.yml's main), the CLI (dist/cli.js, the bin) and
// the library entry (dist/lib.js, package.json's main/exports: no side effect on import), dependencies bundled.
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import { existsSync } from 'node:fs';

const inputs = { cli: 'src/cli/bin.ts', lib: 'src/lib.ts' };
if (existsSync('src/action/index.ts')) inputs.index = 'src/action/index.ts';

export default {
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
