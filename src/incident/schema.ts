import { z } from 'zod';
import { SEVERITIES, TAXONOMY } from '../case/taxonomy.js';
import { ExpectSchema } from '../case/schema.js';

const ToolName = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected a tool name of letters, digits, _ or - (at most 64)');

/** Logs often store parsed arguments; the chat shape wants a JSON string. Both are accepted, a string comes out. */
const ToolCallLog = z.strictObject({
  id: z.string().min(1),
  type: z.literal('function').default('function'),
  function: z.strictObject({
    name: ToolName,
    arguments: z
      .union([z.string(), z.record(z.string(), z.unknown())])
      .default('{}')
      .transform((a) => (typeof a === 'string' ? a : JSON.stringify(a))),
  }),
});

/** When the message was sent; kept by logs, ignored by the replay. */
const at = z.string().optional();

export const LoggedMessageSchema = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('system'), content: z.string(), at }),
  z.strictObject({ role: z.literal('user'), content: z.string().min(1), at }),
  z.strictObject({
    role: z.literal('assistant'),
    content: z.string().nullable().default(null),
    tool_calls: z.array(ToolCallLog).optional(),
    at,
  }),
  z.strictObject({
    role: z.literal('tool'),
    tool_call_id: z.string().min(1),
    content: z.string(),
    name: ToolName.optional(),
    at,
  }),
]);

export const ConversationSchema = z
  .array(LoggedMessageSchema)
  .min(1)
  .refine((msgs) => msgs.some((m) => m.role === 'user'), {
    message: 'expected at least one user message (the replay scripts the user turns)',
  });

export const IncidentSchema = z.strictObject({
  kind: z.literal('safety-gate.incident').optional().describe('optional: marks the file as an incident'),
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected an id of letters, digits and . _ -')
    .max(80)
    .describe('incident id: names the emitted cases'),
  title: z.string().min(1).describe('what happened, in one line'),
  occurredAt: z
    .union([z.iso.datetime({ offset: true }), z.iso.date()], {
      error: 'expected an ISO 8601 date or date-time (2026-10-03 or 2026-10-03T14:22:00Z)',
    })
    .describe('when it happened: ISO 8601 date or date-time'),
  severity: z.enum(SEVERITIES).describe('low | medium | high | critical (of the emitted cases)'),
  environment: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
    .describe('what ran when it happened: model, agent version, deployment'),
  category: z
    .enum(TAXONOMY)
    .optional()
    .describe('root cause label given by a person; inferred from the conversation when absent'),
  expect: z
    .array(
      z.union([
        z
          .string()
          .min(1)
          .transform((rule) => ({ rule })),
        ExpectSchema,
      ]),
    )
    .min(1)
    .optional()
    .describe('rules the incident broke; default: every text, toolCall, leak and module rule loaded'),
  tools: z
    .array(
      z.strictObject({
        name: ToolName,
        description: z.string().optional(),
        parameters: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .optional()
    .describe('the tool definitions the agent was offered (names seen in tool calls are added)'),
  conversation: ConversationSchema.describe(
    'the messages as they happened: system, user, assistant (with tool_calls) and tool results',
  ),
  traffic: z
    .strictObject({
      conversations: z.int().min(1).describe('conversations served in the exposure window'),
      period: z.string().optional().describe('the exposure window, e.g. 2026-09-01/2026-10-03'),
    })
    .optional()
    .describe('traffic volume, to scale the blast radius measured on a traffic log'),
  notes: z.string().optional().describe('free text for the reviewer'),
});

/** One line of a traffic log: a conversation, bare or with an id. */
export const TrafficLineSchema = z.union([
  z.strictObject({
    id: z.union([z.string(), z.number()]).transform(String).optional().describe('conversation id in the log'),
    messages: ConversationSchema.describe('the conversation, same message shape as an incident'),
  }),
  ConversationSchema,
]);

export type Incident = z.infer<typeof IncidentSchema>;
export type LoggedMessage = z.infer<typeof LoggedMessageSchema>;
