import AdmZip from 'adm-zip';
import { decompress } from 'fzstd';
import { crc32 } from 'node:zlib';
import { InputError } from '../input/errors.js';
import type { InspectLog } from './inspect.js';

const STORED = 0;
const DEFLATED = 8;
/** Zstandard (APPNOTE 4.4.5): what inspect_ai writes every entry of a .eval log with. */
const ZSTD = 93;

/**
 * An inspect_ai `.eval` log: a ZIP with `header.json` (or, for a run that never finished, `_journal/start.json`)
 * and one `samples/<id>_epoch_<n>.json` per sample, each entry zstd-compressed (method 93).
 *
 * adm-zip reads the central directory and gives the raw bytes of an entry whatever its method
 * (getCompressedData); no light zip reader decodes method 93 itself, so fzstd (pure JS) decodes those, and the
 * size and CRC-32 the directory records are checked, so a damaged entry is an error rather than a short sample.
 */
export function inspectLogFromEval(file: string, bytes: Buffer): InspectLog {
  let zip: AdmZip;
  try {
    zip = new AdmZip(bytes);
  } catch (e) {
    throw InputError.one(
      file,
      '',
      `not a readable ZIP (an inspect_ai .eval log is one; truncated?): ${(e as Error).message}`,
    );
  }
  const entries = new Map(zip.getEntries().map((e) => [e.entryName, e]));
  const read = (name: string): unknown => {
    const entry = entries.get(name)!;
    const method = entry.header.method;
    let data: Uint8Array;
    try {
      const raw = entry.getCompressedData();
      if (method === ZSTD) data = decompress(raw);
      else if (method === STORED || method === DEFLATED) data = entry.getData();
      else throw new Error(`compression method ${method} (expected 93 zstd, 8 deflate or 0 stored)`);
    } catch (e) {
      throw InputError.one(file, name, `cannot decompress this entry: ${(e as Error).message}`);
    }
    if (data.length !== entry.header.size || crc32(data) !== entry.header.crc >>> 0)
      throw InputError.one(
        file,
        name,
        `damaged entry: expected ${entry.header.size} bytes with CRC-32 ${(entry.header.crc >>> 0).toString(16)}, got ${data.length} bytes`,
      );
    try {
      return JSON.parse(Buffer.from(data).toString('utf8'));
    } catch (e) {
      throw InputError.one(file, name, `not valid JSON: ${(e as Error).message}`);
    }
  };
  const headerName = entries.has('header.json')
    ? 'header.json'
    : entries.has('_journal/start.json')
      ? '_journal/start.json'
      : undefined;
  if (!headerName)
    throw InputError.one(
      file,
      '',
      'a ZIP without header.json or _journal/start.json: expected an inspect_ai .eval log',
    );
  const header = read(headerName);
  if (typeof header !== 'object' || header === null || !('eval' in header))
    throw InputError.one(file, `${headerName}.eval`, 'expected the eval spec of an inspect_ai log');
  const samples = [...entries.keys()]
    .filter((n) => /^samples\/.+\.json$/.test(n))
    .sort()
    .map((name) => ({ value: read(name), where: name }));
  const h = header as Record<string, unknown>;
  return { header: headerName === 'header.json' ? h : { ...h, status: h.status ?? 'started' }, samples };
}
