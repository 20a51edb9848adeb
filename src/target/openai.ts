import OpenAI from 'openai';
import type { z } from 'zod';
import type { OpenAITargetSchema } from './schema.js';
import type { AgentResponse } from '../trajectory/types.js';
import type { AgentRequest } from './types.js';
import { fromSdkError, type Attempt } from './resilience.js';
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
