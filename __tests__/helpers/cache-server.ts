import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CacheEntry {
  key: string;
  version: string;
  /** The archive as uploaded to the signed blob URL (tar, zstd or gzip compressed, as @actions/cache made it). */
  blob?: Buffer;
  finalized: boolean;
  createdAt: number;
}

export interface FakeCache {
  /** ACTIONS_RESULTS_URL: the twirp base URL. */
  url: string;
  entries: CacheEntry[];
  /** Every twirp call and blob request, in order. */
  calls: Array<{ method: string; path: string; body?: Record<string, unknown> }>;
  /** Answer every twirp call with this HTTP status and a twirp error (e.g. 400), like a broken service. */
  failWith?: number;
  close(): Promise<void>;
}

const SERVICE = '/twirp/github.actions.results.api.v1.CacheService/';

/**
 * A loopback cache service speaking what @actions/cache (v4 and later, cache service v2) calls: the twirp JSON
 * methods CreateCacheEntry, FinalizeCacheEntryUpload and GetCacheEntryDownloadURL on ACTIONS_RESULTS_URL, and the
 * signed blob URL they hand out: an Azure blob PUT (BlockBlobClient.uploadFile, one shot for small archives) to
 * upload, a plain GET to download (the SDK's http client for URLs outside Azure). Entries are immutable once
 * created, and a restore matches the key exactly, then each restore key as a prefix, newest first, within the
 * same version, as the service does (there are no branch scopes here).
 */
export async function startFakeCache(): Promise<FakeCache> {
  const state: FakeCache = { url: '', entries: [], calls: [], close: async () => {} };
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const blobPath = (key: string) => `/blob/acct/cache/${encodeURIComponent(key)}`;
  const handle = (req: IncomingMessage, res: ServerResponse, raw: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith(SERVICE)) {
      const body = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>;
      const method = url.pathname.slice(SERVICE.length);
      state.calls.push({ method: req.method ?? '', path: method, body });
      if (req.headers.authorization !== 'Bearer runtime-token')
        return json(res, 401, { code: 'unauthenticated', msg: 'no token' });
      if (state.failWith) return json(res, state.failWith, { code: 'internal', msg: 'the cache is broken' });
      const version = String(body.version ?? '');
      if (method === 'CreateCacheEntry') {
        const key = String(body.key);
        if (state.entries.some((e) => e.key === key && e.version === version))
          return json(res, 409, { code: 'already_exists', msg: 'cache entry already exists' });
        state.entries.push({ key, version, finalized: false, createdAt: state.entries.length });
        return json(res, 200, {
          ok: true,
          signed_upload_url: `${state.url}${blobPath(key)}?sig=upload&version=${version}`,
        });
      }
      if (method === 'FinalizeCacheEntryUpload') {
        const e = state.entries.find((x) => x.key === body.key && x.version === version);
        if (!e?.blob) return json(res, 200, { ok: false, message: 'no upload' });
        e.finalized = true;
        return json(res, 200, { ok: true, entry_id: String(state.entries.indexOf(e) + 1) });
      }
      if (method === 'GetCacheEntryDownloadURL') {
        const live = state.entries.filter((e) => e.finalized && e.version === version);
        const exact = live.find((e) => e.key === body.key);
        const prefixes = (body.restore_keys as string[] | undefined) ?? [];
        const byPrefix = prefixes
          .map((p) => live.filter((e) => e.key.startsWith(p)).sort((a, b) => b.createdAt - a.createdAt)[0])
          .find(Boolean);
        const hit = exact ?? byPrefix;
        if (!hit) return json(res, 200, { ok: false });
        return json(res, 200, {
          ok: true,
          signed_download_url: `${state.url}${blobPath(hit.key)}?sig=download&version=${hit.version}`,
          matched_key: hit.key,
        });
      }
      return json(res, 404, { code: 'bad_route', msg: `no method ${method}` });
    }
    if (url.pathname.startsWith('/blob/acct/cache/')) {
      const key = decodeURIComponent(url.pathname.slice('/blob/acct/cache/'.length));
      const version = url.searchParams.get('version');
      state.calls.push({ method: req.method ?? '', path: 'blob' });
      const e = state.entries.find((x) => x.key === key && x.version === version);
      if (!e) return json(res, 404, { message: 'BlobNotFound' });
      if (req.method === 'PUT') {
        if (req.headers['x-ms-blob-type'] !== 'BlockBlob' || e.finalized)
          return json(res, 400, { message: 'InvalidHeaderValue' });
        e.blob = raw;
        res.writeHead(201, { etag: '"0x1"', 'x-ms-request-id': 'r', 'x-ms-version': '2025-01-05' });
        return res.end();
      }
      if (req.method === 'GET' || req.method === 'HEAD') {
        if (!e.blob) return json(res, 404, { message: 'BlobNotFound' });
        res.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': String(e.blob.length),
          'x-ms-blob-type': 'BlockBlob',
        });
        return res.end(req.method === 'GET' ? e.blob : undefined);
      }
    }
    return json(res, 404, { message: `Not Found: ${req.method} ${url.pathname}` });
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => handle(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise((ok) => server.close(() => ok()));
  return state;
}
