import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { linkSync, lstatSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { writeArtifact } from '../util/artifact.js';
import { dirname, join } from 'node:path';
import { wrapTarget, type Target } from './types.js';
import type { AgentResponse } from '../trajectory/types.js';
import { canonicalJson } from '../util/hash.js';
import { redact } from '../util/secrets.js';
import { userCacheRoot } from '../util/paths.js';
import { plainMessages } from './wire.js';

const secrets = new Map<string, Buffer>();

/**
 * This machine's cache secret, made on first use. It lives in the user's cache folder, never beside the entries:
 * a cache folder can be inside a checkout, and a secret committed there would be the head's to choose.
 */
export function cacheSecret(file = join(userCacheRoot(), 'secret.key')): Buffer {
  const known = secrets.get(file);
  if (known) return known;
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    if (!lstatSync(file, { throwIfNoEntry: false })) {
      // Written aside and linked into place: a concurrent run never reads half a key, and the first one made wins.
      const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
      writeFileSync(tmp, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
      try {
        linkSync(tmp, file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      } finally {
        unlinkSync(tmp);
      }
    }
  } catch (e) {
    // A read-only or missing home (some CI containers) would otherwise surface as a bare EACCES.
    throw new Error(
      `cannot make the response cache's secret ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)}): set XDG_CACHE_HOME to a writable folder, or run with --no-cache`,
    );
  }
  const st = lstatSync(file);
  const text = st.isFile() ? readFileSync(file, 'utf8').trim() : '';
  // Another user's key, or one others can read, lets them write entries we would trust.
  const private_ = process.getuid ? st.uid === process.getuid() && (st.mode & 0o077) === 0 : true;
  if (!/^[0-9a-f]{64}$/.test(text) || !private_)
    throw new Error(
      `the response cache's secret ${file} is not a private key of this user's (a 0600 file of 64 hex digits): delete it to have a new one made, or run with --no-cache`,
    );
  const key = Buffer.from(text, 'hex');
  secrets.set(file, key);
  return key;
}

const hmac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest('hex');

/**
 * Responses on disk, keyed by the target's fingerprint, the request and the sample: rerunning an unchanged side
 * makes no calls, while the samples of one case stay independent draws. Only successful answers are stored.
 * Names and contents are MACed with this machine's secret: an entry planted from a checkout (names are otherwise
 * computable offline for API targets), copied from elsewhere or edited is a miss.
 */
export function cached(target: Target, dir: string, secret: Buffer = cacheSecret()): Target {
  // A target whose state cannot be known (a command outside git, too big to hash) is never answered from disk.
  if (target.fingerprint.startsWith('uncacheable:')) return target;
  mkdirSync(dir, { recursive: true });
  return wrapTarget(target, async (req, signal) => {
    const key = hmac(
      secret,
      canonicalJson({
        t: target.fingerprint,
        m: plainMessages(req.messages),
        tools: req.tools,
        s: req.key.sample,
        seed: req.key.seed,
      }),
    );
    const file = join(dir, key.slice(0, 2), `${key}.json`);
    try {
      const entry = JSON.parse(readFileSync(file, 'utf8')) as { mac?: unknown; response?: unknown };
      const body = JSON.stringify(entry.response);
      if (typeof entry.mac === 'string' && body !== undefined) {
        const want = Buffer.from(hmac(secret, `${key}\n${body}`), 'hex');
        const got = Buffer.from(entry.mac, 'hex');
        if (got.length === want.length && timingSafeEqual(got, want)) return entry.response as AgentResponse;
      }
    } catch {
      /* a miss, or a torn file: ask the agent */
    }
    const res = await target.respond(req, signal);
    mkdirSync(join(dir, key.slice(0, 2)), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    // Values only: a cached answer is graded again, and a planted fake key in it is what a leak rule looks for.
    // The MAC covers the redacted text, the one that is read back.
    const body = redact(JSON.stringify(res));
    writeArtifact(
      tmp,
      `{"mac":"${hmac(secret, `${key}\n${JSON.stringify(JSON.parse(body))}`)}","response":${body}}`,
      {
        shapes: false,
      },
    );
    renameSync(tmp, file);
    return res;
  });
}
