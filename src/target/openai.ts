import OpenAI from 'openai';
import type { z } from 'zod';
import type { OpenAITargetSchema } from './schema.js';
import type { AgentResponse } from '../trajectory/types.js';
import type { AgentRequest } from './types.js';
import { CallError, httpError, type Attempt } from './resilience.js';
import { openAITools, plainMessages, toAgentResponse, withSystem } from './wire.js';
import { expandEnv } from '../util/secrets.js';

/** Any OpenAI-compatible chat-completions endpoint (OpenAI, Azure, vLLM, Ollama, LiteLLM, llama.cpp), with tools. */
export function openAIAttempt(
  spec: z.infer<typeof OpenAITargetSchema>,
  apiKey: string,
  system?: string,
): Attempt {
  const client = new OpenAI({
    apiKey,
    baseURL: spec.baseUrl,
    maxRetries: 0, // our resilience layer retries, the same way for every target
    timeout: spec.timeoutMs,
    defaultHeaders: Object.fromEntries(Object.entries(spec.headers ?? {}).map(([k, v]) => [k, expandEnv(v)])),
  });
  return async (req: AgentRequest, signal: AbortSignal): Promise<AgentResponse> => {
    try {
      const res = await client.chat.completions.create(
        {
          model: spec.model,
          messages: withSystem(plainMessages(req.messages), system) as OpenAI.ChatCompletionMessageParam[],
          ...(req.tools.length ? { tools: openAITools(req.tools) } : {}),
          ...(spec.temperature !== undefined ? { temperature: spec.temperature } : {}),
          ...(spec.maxTokens !== undefined ? { max_tokens: spec.maxTokens } : {}),
        },
        { signal },
      );
      return toAgentResponse(
        (res as { choices?: Array<{ message?: unknown }> }).choices?.[0]?.message,
        'the chat-completions endpoint',
      );
    } catch (e) {
      throw fromSdkError(e);
    }
  };
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
