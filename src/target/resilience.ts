import { wrapTarget, type AgentRequest, type Target } from './types.js';
import type { AgentResponse } from '../trajectory/types.js';
import { redact } from '../util/secrets.js';

/** A failed call to an agent, with what the retry loop needs to know. */
export class CallError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'CallError';
  }
}

/** Retry-After (seconds or an HTTP date) or retry-after-ms, as servers send them. */
export function retryAfterMs(headers: { get(name: string): string | null } | undefined): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const ra = headers.get('retry-after');
  if (!ra) return undefined;
  if (/^\d+(\.\d+)?$/.test(ra.trim())) return Number(ra) * 1000;
  const at = Date.parse(ra);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

export function httpError(
  status: number,
  body: string,
  headers?: { get(name: string): string | null },
): CallError {
  const retryable = status === 408 || status === 409 || status === 429 || status >= 500;
  return new CallError(
    `HTTP ${status}: ${body.replace(/\s+/g, ' ').slice(0, 300)}`,
    retryable,
    status,
    retryAfterMs(headers),
  );
}

/** Spaces calls evenly to stay under a requests-per-minute budget shared by all workers. */
export class RateLimiter {
  private next = 0;
  constructor(private readonly rpm: number) {}
  async acquire(): Promise<void> {
    const interval = 60_000 / this.rpm;
    const now = Date.now();
    const at = Math.max(now, this.next);
    this.next = at + interval;
    if (at > now) await new Promise((r) => setTimeout(r, at - now));
  }
}

export interface ResilienceOptions {
  maxRetries: number;
  timeoutMs: number;
  rpm?: number;
  /** First backoff step; doubles per attempt (with jitter), capped at 30 s. */
  baseDelayMs?: number;
}

const MAX_DELAY_MS = 30_000;
const MAX_RETRY_AFTER_MS = 120_000;

/** What one attempt does: the adapter's wire call, bounded by `signal`. */
export type Attempt = (req: AgentRequest, signal: AbortSignal) => Promise<AgentResponse>;

/**
 * Retries 429 / 5xx / connection errors / timeouts / malformed answers with exponential backoff and jitter,
 * honouring Retry-After; bounds every attempt with a timeout. What still fails throws, and becomes an error
 * sample in the runner: never a pass.
 */
export function resilient(base: Omit<Target, 'respond'>, attempt: Attempt, o: ResilienceOptions): Target {
  const limiter = o.rpm ? new RateLimiter(o.rpm) : undefined;
  const baseDelay = o.baseDelayMs ?? 250;
  return wrapTarget(base, async (req, outer) => {
    let last: CallError | undefined;
    let attempts = 0;
    for (;;) {
      attempts++;
      outer?.throwIfAborted();
      await limiter?.acquire();
      const timeout = AbortSignal.timeout(o.timeoutMs);
      const signal = outer ? AbortSignal.any([outer, timeout]) : timeout;
      try {
        return await attempt(req, signal);
      } catch (e) {
        if (outer?.aborted) throw e;
        last = classify(e, timeout.aborted, o.timeoutMs);
        if (!last.retryable || attempts > o.maxRetries) break;
        const backoff = Math.min(MAX_DELAY_MS, baseDelay * 2 ** (attempts - 1));
        const wait =
          last.retryAfterMs !== undefined
            ? Math.min(last.retryAfterMs, MAX_RETRY_AFTER_MS)
            : backoff / 2 + (Math.random() * backoff) / 2;
        await new Promise((r) => setTimeout(r, wait));
      }
    }
    throw new CallError(
      redact(
        `${base.name}: ${last?.message ?? 'failed'} (gave up after ${attempts} attempt${attempts > 1 ? 's' : ''})`,
      ),
      false,
      last?.status,
    );
  });
}

function classify(e: unknown, timedOut: boolean, timeoutMs: number): CallError {
  if (timedOut) return new CallError(`no answer within ${timeoutMs} ms (timeout)`, true);
  if (e instanceof CallError) return e;
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'SyntaxError') return new CallError(`malformed response: ${err.message}`, true);
  if (err?.name === 'AbortError' || err?.name === 'TimeoutError')
    return new CallError(`no answer within ${timeoutMs} ms (timeout)`, true);
  const msg = [err?.message, err?.cause?.code ?? err?.cause?.message].filter(Boolean).join(': ');
  // fetch() reports refused, reset and truncated connections as TypeError("fetch failed") with a cause.
  if (err?.name === 'TypeError' && /fetch failed|terminated|socket|ECONN|EPIPE/i.test(msg))
    return new CallError(`connection error: ${msg}`, true);
  return new CallError(msg || String(e), false);
}

/** The SDKs' errors (OpenAI's and Anthropic's share this shape) as CallErrors the retry loop understands. */
export function fromSdkError(e: unknown): unknown {
  if (e instanceof CallError) return e;
  const err = e as {
    status?: number;
    headers?: Headers | Record<string, string>;
    message?: string;
    name?: string;
    error?: unknown;
  };
  if (typeof err?.status === 'number') {
    const h = err.headers;
    const headers =
      h && typeof (h as Headers).get === 'function'
        ? (h as Headers)
        : new Headers((h as Record<string, string>) ?? {});
    return httpError(err.status, err.message ?? '', headers);
  }
  // The SDKs' error classes do not all set `name`; their constructors are named.
  const kind = (e as { constructor?: { name?: string } })?.constructor?.name ?? err?.name;
  if (kind === 'APIConnectionTimeoutError') return new CallError('timeout', true);
  if (kind === 'APIConnectionError') return new CallError(`connection error: ${err.message}`, true);
  if (kind === 'APIUserAbortError') return Object.assign(new Error('aborted'), { name: 'AbortError' });
  return e;
}
