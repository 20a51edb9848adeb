import Anthropic from '@anthropic-ai/sdk';
import type { z } from 'zod';
import type { AnthropicTargetSchema } from './schema.js';
import type { AgentResponse, ChatMessage, ToolCall } from '../trajectory/types.js';
import type { AgentRequest } from './types.js';
import { CallError, fromSdkError, type Attempt } from './resilience.js';
import { plainMessages } from './wire.js';

type Block =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: unknown }
  | { type: 'tool_result'; tool_use_id: string; content: string };

/** OpenAI-shape conversation to Anthropic Messages: system apart, tool calls as tool_use, results as tool_result. */
export function toAnthropic(messages: ChatMessage[]): {
  system: string;
  messages: Array<{ role: 'user' | 'assistant'; content: Block[] }>;
} {
  const system: string[] = [];
  const out: Array<{ role: 'user' | 'assistant'; content: Block[] }> = [];
  const push = (role: 'user' | 'assistant', blocks: Block[]) => {
    const last = out.at(-1);
    // The Messages API wants alternating roles: consecutive tool results go in one user message.
    if (last && last.role === role) last.content.push(...blocks);
    else out.push({ role, content: blocks });
  };
  for (const m of messages) {
    if (m.role === 'system') system.push(m.content);
    else if (m.role === 'user') push('user', [{ type: 'text', text: m.content }]);
    else if (m.role === 'tool')
      push('user', [{ type: 'tool_result', tool_use_id: m.tool_call_id, content: m.content }]);
    else {
      const blocks: Block[] = m.content ? [{ type: 'text', text: m.content }] : [];
      for (const c of m.tool_calls ?? []) {
        let input: unknown;
        try {
          input = JSON.parse(c.function.arguments || '{}');
        } catch {
          input = { _raw: c.function.arguments };
        }
        blocks.push({ type: 'tool_use', id: c.id, name: c.function.name, input });
      }
      push('assistant', blocks);
    }
  }
  return { system: system.join('\n\n'), messages: out };
}

export function fromAnthropic(res: unknown): AgentResponse {
  const content = (res as { content?: unknown })?.content;
  if (!Array.isArray(content))
    throw new CallError('malformed response from the Messages API: no content blocks', true);
  const text: string[] = [];
  const calls: ToolCall[] = [];
  for (const b of content as Array<{
    type?: string;
    text?: unknown;
    id?: unknown;
    name?: unknown;
    input?: unknown;
  }>) {
    if (b.type === 'text' && typeof b.text === 'string') text.push(b.text);
    else if (b.type === 'tool_use') {
      if (typeof b.name !== 'string' || typeof b.id !== 'string')
        throw new CallError('malformed tool_use block', true);
      calls.push({
        id: b.id,
        type: 'function',
        function: { name: b.name, arguments: JSON.stringify(b.input ?? {}) },
      });
    }
  }
  if (!text.length && !calls.length)
    throw new CallError('malformed response from the Messages API: neither text nor tool_use', true);
  return { content: text.length ? text.join('') : null, ...(calls.length ? { tool_calls: calls } : {}) };
}

export function anthropicAttempt(
  spec: z.infer<typeof AnthropicTargetSchema>,
  apiKey: string,
  system?: string,
): Attempt {
  const client = new Anthropic({ apiKey, baseURL: spec.baseUrl, maxRetries: 0, timeout: spec.timeoutMs });
  return async (req: AgentRequest, signal: AbortSignal) => {
    const conv = toAnthropic(plainMessages(req.messages));
    const sys = [system, conv.system].filter(Boolean).join('\n\n');
    try {
      const res = await client.messages.create(
        {
          model: spec.model,
          max_tokens: spec.maxTokens,
          ...(sys ? { system: sys } : {}),
          messages: conv.messages as Anthropic.MessageParam[],
          ...(req.tools.length
            ? {
                tools: req.tools.map((t) => ({
                  name: t.name,
                  description: t.description,
                  input_schema: (t.parameters ?? {
                    type: 'object',
                    properties: {},
                  }) as Anthropic.Tool.InputSchema,
                })),
              }
            : {}),
          ...(spec.temperature !== undefined ? { temperature: spec.temperature } : {}),
        },
        { signal },
      );
      return fromAnthropic(res);
    } catch (e) {
      throw fromSdkError(e);
    }
  };
}
