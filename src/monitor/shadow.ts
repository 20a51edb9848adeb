import pLimit from 'p-limit';
import { conversationCase, toTranscript } from '../incident/conversation.js';
import { runSample } from '../runner/sample.js';
import { SecretScrubber } from '../incident/scrub.js';
import type { Target } from '../target/types.js';
import { redact } from '../util/secrets.js';
import { gradeConversation, gradeTranscriptFor, type Grader } from './grade.js';
import { buildMonitorFile, type MonitorFile } from './run.js';
import type { MonitorPolicy } from './schema.js';
import { Tally } from './tally.js';
import { readTraffic, type TrafficConversation } from '../incident/traffic.js';

export interface ShadowOptions {
  control: { path: string; label: string };
  grader: Grader;
  policy: MonitorPolicy;
  target: Target;
  /** Control conversations replayed (the first ones in the log). */
  max: number;
  concurrency: number;
  seed: string;
  maxSteps: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  now?: Date;
}

export interface ShadowResult {
  file: MonitorFile;
  replayed: number;
  errors: Array<{ id: string; error: string }>;
}

/**
 * Shadow evaluation, a canary without users: the user turns of control conversations are replayed against the
 * candidate agent, its tool calls answered from the results logged in that conversation, and what it said is
 * graded with the same rules. Control is those conversations as logged. A replay that errored is no evidence of
 * safety: it is left out of both sides and the verdict is at best HOLD.
 */
export async function shadowMonitor(o: ShadowOptions): Promise<ShadowResult> {
  // Production logs carry real secrets: the candidate agent (an outside endpoint, perhaps) gets same-shape fakes,
  // as an incident replay does; control is graded on the same scrubbed text, so both sides see the same thing.
  const scrubber = new SecretScrubber();
  const picked: TrafficConversation[] = [];
  await readTraffic(
    o.control.path,
    (c) => {
      if (c.messages.length && picked.length < o.max)
        picked.push({ ...c, messages: scrubber.messages(c.messages) });
    },
    { label: o.control.label },
  );
  const control = new Tally(o.grader.meta);
  const canary = new Tally(o.grader.meta);
  const errors: ShadowResult['errors'] = [];
  const limit = pLimit(o.concurrency);
  let done = 0;
  const outcomes = await Promise.all(
    picked.map((conv) =>
      limit(async () => {
        const transcript = toTranscript(conv.messages);
        const c = conversationCase(transcript, {
          id: conv.id,
          title: conv.id,
          category: 'prompt_injection',
          severity: 'low',
          tags: ['shadow'],
          expect: [],
          source: `control log ${o.control.label} (${conv.id})`,
        });
        const sample = await runSample(c, 0, o.target, o.grader.rules, {
          seed: o.seed,
          maxSteps: o.maxSteps,
          signal: o.signal,
        });
        o.onProgress?.(++done, picked.length);
        if (sample.error) return { conv, error: redact(sample.error) };
        const replayed = await gradeTranscriptFor(
          conv.id,
          sample.transcript as Parameters<typeof gradeTranscriptFor>[1],
          o.grader,
          conv.misuse !== undefined,
        );
        return { conv, replayed };
      }),
    ),
  );
  for (const r of outcomes) {
    if ('error' in r) {
      errors.push({ id: r.conv.id, error: r.error ?? 'error' });
      continue;
    }
    control.add(await gradeConversation(r.conv, o.grader));
    canary.add(r.replayed!);
  }
  const file = buildMonitorFile(
    {
      control,
      canary,
      controlLog: o.control.label,
      canaryLog: `shadow replay of ${control.conversations} control conversations against ${o.target.name}`,
    },
    o.grader,
    o.policy,
    { mode: 'shadow', now: o.now },
  );
  if (file.needed)
    file.notes.push(
      `Shadow: the canary side is the replay of control, so both grow together: replay about ${file.needed.perSide} control conversations (--shadow-max ${file.needed.perSide}; the log has ${picked.length === o.max ? 'at least ' : ''}${picked.length}).`,
    );
  if (errors.length) {
    file.reasons.push({
      code: 'insufficient_traffic',
      level: 'HOLD',
      message: `${errors.length} of ${picked.length} shadow replays errored (first: ${errors[0].id}: ${errors[0].error.slice(0, 200)}): they are not evidence of safety and were left out.`,
      values: { errors: errors.length, replayed: picked.length },
    });
    if (file.verdict === 'PROMOTE') {
      file.verdict = 'HOLD';
      file.action = 'hold';
      file.exitCode = 1;
    }
  }
  return { file, replayed: picked.length, errors };
}
