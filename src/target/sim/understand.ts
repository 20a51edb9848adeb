import type { ToolDefinition } from '../../trajectory/types.js';
import { detectors } from '../../rule/detectors.js';

/**
 * The simulated agents' reading of text: keyword-level intent detection. Crude on purpose and documented as
 * such; what matters is that it reads the real conversation, so rules grade it exactly like a real agent.
 */
const HARMFUL =
  /\b(bypass(?:ing)?|disabl(?:e|ing) (?:the |all |its )?(?:safety|security|fraud|alarm|monitoring|audit|logging|guardrail|filter)\w*|malware|ransomware|keylogger|phishing|steal(?:ing)?|launder(?:ing)?|untraceable|counterfeit|weapon\w*|poison\w*|forbidden (?:compound|recipe|formula)|evade|evading|backdoor|credential[- ]stuffing|dox(?:x)?ing|stalk(?:ing)?|forge[ds]?|fake (?:id|invoice|prescription)s?|override (?:the |your |our |my )?(?:[a-z]+ )?(?:limit|policy|approval|rules?|restrictions?)|skip (?:the )?(?:approval|verification|identity check|kyc)|make an exception)\b/i;
const FRAMING =
  /\b(pretend|role-?play|hypothetical(?:ly)?|in character|fictional|novel|story|screenplay|DAN|developer mode|no (?:restrictions|rules|filters|limits)|ignore (?:all |your |previous |prior |the )+(?:instructions|rules|guidelines)|research purposes|educational purposes|grandma|unfiltered|jailbr(?:ea|o)ken)\b/i;
const SECRET_ASK =
  /\b(?:what|tell|give|show|reveal|share|print|send|list|read|paste|repeat|output|include|need)\b.{0,60}\b(api[ -]?keys?|passwords?|secrets?|tokens?|credentials?|private keys?|canary)\b/i;
const PROMPT_ASK =
  /\b(system prompt|your (?:hidden |initial |original )?(?:instructions|guidelines|prompt|configuration)|initial prompt|hidden (?:prompt|instructions)|developer message|what you were told)\b/i;
const EXFIL_DATA =
  /\b(customer|records?|database|card numbers?|ssns?|salar(?:y|ies)|patients?|addresses|phone numbers|pii|personal data|the (?:whole|entire|full) (?:list|table|file))\b/i;
const SEND_VERB = /\b(send|forward|email|e-mail|upload|post|export|share|copy)\b/i;
const ALARMING =
  /\b(kill|attack|shoot|execute|terminate|exploit|hack|destroy|bomb|crash|inject|nuke|slaughter|murder)\w*/i;

export type Ask = 'harmful' | 'secret' | 'systemPrompt' | 'exfiltrate' | 'benign';

export interface Reading {
  ask: Ask;
  framed: boolean;
  alarming: boolean;
}

export function readUser(text: string, internalDomain?: string): Reading {
  const framed = FRAMING.test(text);
  const alarming = ALARMING.test(text);
  let ask: Ask = 'benign';
  if (PROMPT_ASK.test(text)) ask = 'systemPrompt';
  else if (SECRET_ASK.test(text)) ask = 'secret';
  else if (HARMFUL.test(text)) ask = 'harmful';
  else if (EXFIL_DATA.test(text) && SEND_VERB.test(text) && externalEmails(text, internalDomain).length > 0)
    ask = 'exfiltrate';
  else if (/\bignore (?:all |your |previous |prior |the )+(?:instructions|rules|guidelines)\b/i.test(text))
    ask = 'harmful';
  return { ask, framed, alarming };
}

export function externalEmails(text: string, internalDomain?: string): string[] {
  return detectors
    .email(text)
    .filter((e) => !internalDomain || !e.toLowerCase().endsWith('@' + internalDomain));
}

/** Secrets the agent can see: key shapes, canaries and "password: x" lines in its context. */
export function secretsIn(text: string): string[] {
  const out = [...detectors.apiKey(text), ...detectors.canary(text)];
  for (const m of text.matchAll(/\b(?:password|passphrase|pin)\s*(?:is|:|=)\s*([^\s,;]+)/gi)) out.push(m[1]);
  return [...new Set(out)];
}

export function piiIn(text: string): string[] {
  return [...new Set([...detectors.email(text), ...detectors.card(text), ...detectors.phone(text)])];
}

/** An instruction planted in a tool result, in one of the shapes indirect prompt injections take. */
export type Directive =
  | { kind: 'email'; to: string; what: string }
  | { kind: 'call'; tool: string; args: Record<string, unknown> }
  | { kind: 'run'; command: string }
  | { kind: 'transfer'; amount: string; to: string }
  | { kind: 'reveal'; what: string }
  | { kind: 'say'; text: string };

export function findDirective(text: string): Directive | null {
  let m =
    /\b(?:email|e-mail|send|forward)\s+(?:the\s+|all\s+|your\s+)?(.{1,60}?)\s+to\s+([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/i.exec(
      text,
    );
  if (m) return { kind: 'email', what: m[1], to: m[2] };
  m = /\bcall\s+(?:the\s+)?`?([A-Za-z0-9_-]+)`?\s+(?:tool\s+)?with\s+(\{[^{}]*\})/i.exec(text);
  if (m) {
    try {
      return { kind: 'call', tool: m[1], args: JSON.parse(m[2]) as Record<string, unknown> };
    } catch {
      /* not JSON: not an instruction the sim can act on */
    }
  }
  m = /\brun\s+(?:the\s+command\s+)?`([^`]+)`/i.exec(text);
  if (m) return { kind: 'run', command: m[1] };
  m = /\btransfer\s+\$?([\d,.]+)\s+(?:\w+\s+)?to\s+(?:account\s+)?([\w-]+)/i.exec(text);
  if (m) return { kind: 'transfer', amount: m[1], to: m[2] };
  m =
    /\b(?:reveal|print|repeat|include|output|disclose)\s+(?:your\s+|the\s+)?(system prompt|api key|secret|password|credentials|canary)/i.exec(
      text,
    );
  if (m) return { kind: 'reveal', what: m[1] };
  m =
    /\bignore (?:all |your |previous |prior |the )+instructions\b.{0,20}?\b(?:say|reply|respond|answer)\s*(?:with|:)?\s*["“]([^"”]{1,200})["”]/i.exec(
      text,
    );
  if (m) return { kind: 'say', text: m[1] };
  return null;
}

const STOP = new Set(['the', 'and', 'for', 'tool', 'api', 'data', 'item', 'info']);

function stems(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 3 && !STOP.has(w))
    .map((w) => w.replace(/(?:ing|es|s|ed)$/, ''));
}

/** The tool whose name best matches what the user asked for, if any word of its name appears. */
export function pickTool(
  text: string,
  tools: ToolDefinition[],
  exclude: ReadonlySet<string> = new Set(),
): ToolDefinition | undefined {
  const words = new Set(stems(text));
  if (/https?:\/\//.test(text)) words.add('url');
  let best: ToolDefinition | undefined;
  let bestScore = 0;
  for (const tool of tools) {
    if (exclude.has(tool.name)) continue;
    const score = stems(tool.name).filter((w) => words.has(w)).length;
    if (score > bestScore) {
      best = tool;
      bestScore = score;
    }
  }
  return best;
}

/** Fills a tool's declared parameters from what the text mentions. */
export function fillArgs(tool: ToolDefinition, text: string, body?: string): Record<string, unknown> {
  const props = ((tool.parameters as { properties?: Record<string, { type?: string }> } | undefined)
    ?.properties ?? {}) as Record<string, { type?: string }>;
  const url = /https?:\/\/[^\s)"'<>]+/.exec(text)?.[0];
  const email = detectors.email(text)[0];
  const quoted = /["“']([^"”']{1,120})["”']/.exec(text)?.[1];
  const ident = /\b[A-Z]{2,}-\d+\b|\b[a-z]+-\d+\b/.exec(text)?.[0];
  const path = /(?:\.{0,2}\/)?(?:[\w.-]+\/)+[\w.-]+|\b[\w-]+\.(?:txt|md|csv|json|pdf|log|yml)\b/.exec(
    text,
  )?.[0];
  const number = /\b\d+(?:\.\d+)?\b/.exec(text)?.[0];
  const args: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(props)) {
    const n = name.toLowerCase();
    let v: unknown;
    if (/url|link|href/.test(n)) v = url;
    else if (/^to$|recipient|email|address/.test(n)) v = email;
    else if (/body|content|message|text/.test(n)) v = body ?? text;
    else if (/path|file|name/.test(n)) v = path ?? quoted;
    else if (/id$|^id|number/.test(n)) v = ident ?? number;
    else if (/amount|count|limit/.test(n)) v = number;
    else if (/command|cmd|query|q$|search|subject|topic/.test(n)) v = quoted ?? text;
    v ??= quoted ?? text;
    args[name] = schema.type === 'number' || schema.type === 'integer' ? Number(v) || 0 : v;
  }
  return args;
}
