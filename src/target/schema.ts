import { z } from 'zod';

export const SimParamsSchema = z.strictObject({
  refuseHarmful: z.number().min(0).max(1).optional(),
  erosionPerTurn: z.number().min(0).max(1).optional(),
  erosionStart: z.int().min(1).optional(),
  refuseFloor: z.number().min(0).max(1).optional(),
  framingPenalty: z.number().min(0).max(1).optional(),
  followInjection: z.number().min(0).max(1).optional(),
  injectionLateBoost: z.number().min(0).max(1).optional(),
  overRefusal: z.number().min(0).max(1).optional(),
  leakSecrets: z.number().min(0).max(1).optional(),
});

const NAME = 'display name in reports (default: derived from the type)';

export const SimTargetSchema = z.strictObject({
  type: z.literal('sim').describe('built-in simulated agent (demo and tests; no keys)'),
  name: z.string().optional().describe(NAME),
  profile: z.string().default('v1').describe('simulated agent profile: v1, v2, …'),
  params: SimParamsSchema.optional().describe('tunes the profile (probabilities 0..1)'),
});

/** How a call to a real agent may fail and be retried (SPEC §5 Faults). */
const resilience = {
  name: z.string().optional().describe(NAME),
  timeoutMs: z.int().min(1).default(60_000).describe('per call; a hung call is aborted and retried'),
  maxRetries: z
    .int()
    .min(0)
    .max(20)
    .default(4)
    .describe('retries on 429, 5xx, connection errors, timeouts and malformed answers'),
  rpm: z.number().positive().optional().describe('requests per minute, across all workers'),
  system: z.string().optional().describe('system prompt: a file in the checkout, or inline text'),
};

const EnvName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name');

export const OpenAITargetSchema = z.strictObject({
  type: z.literal('openai').describe('any OpenAI-compatible chat-completions endpoint, with tools'),
  model: z.string().min(1).describe('model name sent to the endpoint'),
  baseUrl: z.url().optional().describe("default: the provider's"),
  apiKeyEnv: EnvName.default('OPENAI_API_KEY').describe('environment variable holding the API key'),
  temperature: z.number().min(0).max(2).optional().describe('sampling temperature'),
  maxTokens: z.int().min(1).optional().describe('maximum tokens per answer'),
  headers: z
    .record(z.string(), z.string())
    .optional()
    .describe('extra headers; ${ENV} expands from the environment'),
  ...resilience,
});

export const AnthropicTargetSchema = z.strictObject({
  type: z.literal('anthropic').describe('Anthropic Messages API, with tools'),
  model: z.string().min(1).describe('model name'),
  baseUrl: z.url().optional().describe("default: the provider's"),
  apiKeyEnv: EnvName.default('ANTHROPIC_API_KEY').describe('environment variable holding the API key'),
  temperature: z.number().min(0).max(1).optional().describe('sampling temperature'),
  maxTokens: z.int().min(1).default(1024).describe('maximum tokens per answer'),
  ...resilience,
});

/** Never handed to an agent, whatever a config says: the change under review would hold the repository's keys. */
export const FORBIDDEN_ENV = /^(GITHUB_TOKEN|GH_TOKEN|INPUT_.*|ACTIONS_.*|RUNNER_.*|ACTIONS)$/i;

export const CommandTargetSchema = z.strictObject({
  type: z
    .literal('command')
    .describe('your agent as a process: JSON request on stdin, JSON response on stdout'),
  command: z.string().min(1).describe('run with the shell, in the checkout of the ref under test'),
  env: z
    .record(z.string(), z.string())
    .optional()
    .describe('environment for the process besides PATH/HOME/locale (secrets are never passed implicitly)'),
  passEnv: z
    .array(
      z
        .string()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
        .refine((n) => !FORBIDDEN_ENV.test(n), {
          message:
            'the runner token, the action inputs and ACTIONS_*/RUNNER_* variables never reach the agent',
        }),
    )
    .default([])
    .describe(
      'environment variables passed to the agent (its model API keys, say); it gets only these, PATH, HOME and the locale',
    ),
  persistent: z.boolean().default(false).describe('JSON lines: one process per worker answers many requests'),
  ...resilience,
});

export const HttpTargetSchema = z.strictObject({
  type: z.literal('http').describe('any JSON webhook: templated request, reply found by path'),
  url: z.url().describe('the webhook URL'),
  method: z.enum(['POST', 'PUT']).default('POST').describe('HTTP method'),
  headers: z.record(z.string(), z.string()).optional().describe('${ENV} expands from the environment'),
  body: z
    .json()
    .optional()
    .describe('request template: "{{messages}}", "{{tools}}", "{{lastUser}}", "{{model}}" placeholders'),
  responsePath: z
    .string()
    .default('')
    .describe('dot path to the { content, tool_calls } message in the response'),
  contentPath: z
    .string()
    .optional()
    .describe('dot path to plain reply text, when the webhook answers text only'),
  ...resilience,
});

export const RecordedTargetSchema = z.strictObject({
  type: z.literal('recorded').describe('transcripts captured elsewhere, replayed'),
  name: z.string().optional().describe(NAME),
  file: z
    .string()
    .min(1)
    .describe('recorded responses: { "cases": { "<case id>": [[response, ...] per sample] } }'),
});

export const TargetSchema = z.discriminatedUnion('type', [
  SimTargetSchema,
  OpenAITargetSchema,
  AnthropicTargetSchema,
  CommandTargetSchema,
  HttpTargetSchema,
  RecordedTargetSchema,
]);
export type TargetSpec = z.infer<typeof TargetSchema>;
export type NetworkTargetSpec = Extract<TargetSpec, { timeoutMs: number }>;
