import pkg from '../../package.json' with { type: 'json' };

/**
 * This package's version, inlined into dist/ at build time: `--version`, and the baseline cache's key (a newer
 * gate must not reuse base results an older one stored). Not from the environment: nothing sets it there.
 */
export const VERSION: string = pkg.version;
