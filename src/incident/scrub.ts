import { createHash } from 'node:crypto';
import { detectors, luhnValid } from '../rule/detectors.js';
import { secretShapes } from '../util/secrets.js';
import type { LoggedMessage } from './schema.js';

const KEY_PREFIX =
  /^(github_pat_|sk-(?:live-|test-|proj-|ant-|svcacct-|admin-)?|[sr]k_(?:live|test)_|hf_|npm_|AKIA|ASIA|gh[pousr]_|xox[abpors]-|AIza)/;

/**
 * Production logs carry real secrets (a leak incident is made of them). Every API-key shape and card number is
 * replaced, before anything else sees the conversation, by a fake of the same shape: the same prefix, character
 * classes and length, a valid Luhn digit for cards. Rules therefore still see a key or a card where there was
 * one, the emitted cases still test the leak, and no artifact holds the real value. The same value always gets
 * the same fake, so an incident and its traffic log still match each other.
 */
export class SecretScrubber {
  private readonly fakes = new Map<string, string>();

  get replaced(): number {
    return this.fakes.size;
  }

  text(s: string): string {
    let out = s;
    // The detectors' key shapes, and the well-known credential shapes the writers redact (fine-grained GitHub
    // tokens, Stripe, Hugging Face, JWTs, keys beside their names…): one list of shapes, util/secrets.ts.
    for (const v of new Set([...detectors.apiKey(s), ...secretShapes(s)]))
      out = out.split(v).join(this.fake(v, fakeKey));
    for (const v of detectors.card(s)) out = out.split(v).join(this.fake(v, fakeCard));
    return out;
  }

  /** Every string inside a value (an incident's title, environment, tool descriptions), scrubbed like text. */
  deep<T>(value: T): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.deep(v)) as T;
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.deep(v)])) as T;
    return value;
  }

  messages<T extends LoggedMessage>(msgs: T[]): T[] {
    return msgs.map((m) => {
      const c = { ...m };
      if (typeof c.content === 'string') c.content = this.text(c.content);
      if (c.role === 'assistant' && c.tool_calls)
        (c as Extract<LoggedMessage, { role: 'assistant' }>).tool_calls = c.tool_calls.map((tc) => ({
          ...tc,
          function: { ...tc.function, arguments: this.text(tc.function.arguments) },
        }));
      return c;
    });
  }

  private fake(value: string, make: (v: string, digest: Buffer) => string): string {
    let f = this.fakes.get(value);
    if (!f) {
      f = make(value, createHash('sha256').update(value).digest());
      this.fakes.set(value, f);
    }
    return f;
  }
}

function fakeKey(value: string, digest: Buffer): string {
  const prefix = KEY_PREFIX.exec(value)?.[0] ?? '';
  let i = 0;
  const next = () => digest[i++ % digest.length] + i;
  const body = [...value.slice(prefix.length)].map((ch) => {
    if (/[0-9]/.test(ch)) return String(next() % 10);
    if (/[A-Z]/.test(ch)) return String.fromCharCode(65 + (next() % 26));
    if (/[a-z]/.test(ch)) return String.fromCharCode(97 + (next() % 26));
    return ch;
  });
  // Marked as fake where the shape allows, so nobody mistakes it for a live key.
  const mark = 'FAKE';
  if (body.length > mark.length + 8 && !/^AKIA/.test(prefix)) body.splice(0, mark.length, ...mark);
  return prefix + body.join('');
}

function fakeCard(value: string, digest: Buffer): string {
  const digits = value.replace(/[ -]/g, '');
  let i = 0;
  const body = [...digits.slice(0, -1)].map(() => String(digest[i++ % digest.length] % 10));
  for (let check = 0; check < 10; check++) {
    if (luhnValid(body.join('') + check)) {
      const all = [...body, String(check)];
      let j = 0;
      return value.replace(/\d/g, () => all[j++]);
    }
  }
  throw new Error('unreachable: one check digit in ten satisfies Luhn');
}
