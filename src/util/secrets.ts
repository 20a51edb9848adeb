/**
 * Secret values seen at run time (API keys read from the environment). Anything written for a person or an
 * artifact (error messages, evidence) passes through redact(); the action also masks them in the log.
 */
const secrets = new Set<string>();
const listeners: Array<(value: string) => void> = [];

export function registerSecret(value: string | undefined): void {
  if (!value || value.length < 6 || secrets.has(value)) return;
  secrets.add(value);
  for (const l of listeners) l(value);
}

export function onSecret(listener: (value: string) => void): void {
  listeners.push(listener);
  for (const s of secrets) listener(s);
}

export function redact(text: string): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join('***');
  return out;
}

/** "${NAME}" in header values and URLs expands from the environment, and the value is treated as a secret. */
export function expandEnv(value: string, env: NodeJS.ProcessEnv = process.env): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_m, name: string) => {
    const v = env[name];
    if (v === undefined) throw new Error(`environment variable ${name} is not set`);
    registerSecret(v);
    return v;
  });
}
