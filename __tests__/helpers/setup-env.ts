import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The default response cache and its secret live in the user's cache folder: each test file gets its own, so no
// test reads answers another one cached, or leaves files in the real home.
process.env.XDG_CACHE_HOME = mkdtempSync(join(tmpdir(), 'sg-xdg-cache-'));
