import { spawnSync } from 'node:child_process';

describe('dist/', () => {
  it('is exactly what src/ builds to (the action runs dist/, not src/)', () => {
    const res = spawnSync(process.execPath, ['scripts/check-dist.mjs'], { encoding: 'utf8' });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
  });
});
