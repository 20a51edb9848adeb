import { open, stat } from 'node:fs/promises';
import { InputError } from '../input/errors.js';
import { DriftTracker, type WindowResult } from './drift.js';
import { gradeConversation, type Grader } from './grade.js';
import { buildMonitorFile, type MonitorFile } from './run.js';
import type { MonitorPolicy } from './schema.js';
import { Tally } from './tally.js';
import {
  countTrafficLine,
  describeTrafficStats,
  emptyTrafficStats,
  parseTrafficLine,
} from '../incident/traffic.js';

const CHUNK = 1 << 20;

/**
 * Reads what was appended to a log since the last call: whole lines only (a line still being written waits for
 * its newline). Holds one chunk and one partial line, whatever the file's size.
 */
export class LogTail {
  private offset = 0;
  private rest = '';
  /** Kept across reads: a character split by the writer's last write is completed by its next one. */
  private readonly decoder = new TextDecoder('utf-8');
  line = 0;

  constructor(
    readonly path: string,
    readonly label: string,
  ) {}

  async *lines(): AsyncGenerator<{ raw: string; line: number }> {
    let size: number;
    try {
      size = (await stat(this.path)).size;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // Gone while followed (rotated away): stop rather than report on a log that no longer exists.
      throw InputError.one(this.label, '', `cannot read traffic log: ${code ?? String(e)}`);
    }
    if (size < this.offset)
      throw InputError.one(
        this.label,
        '',
        `the log shrank from ${this.offset} to ${size} bytes while it was followed (rotated or truncated): restart the monitor on the new file`,
      );
    if (size === this.offset) return;
    const fh = await open(this.path, 'r');
    try {
      const buf = Buffer.alloc(CHUNK);
      while (this.offset < size) {
        const { bytesRead } = await fh.read(buf, 0, Math.min(CHUNK, size - this.offset), this.offset);
        if (bytesRead === 0) break;
        this.offset += bytesRead;
        const text = this.rest + this.decoder.decode(buf.subarray(0, bytesRead), { stream: true });
        const parts = text.split('\n');
        this.rest = parts.pop() ?? '';
        for (const p of parts) {
          this.line++;
          yield { raw: p.replace(/\r$/, ''), line: this.line };
        }
      }
    } finally {
      await fh.close();
    }
  }

  /**
   * The last line when the log ends without a newline: only once the log has stopped growing (the idle exit), where
   * the batch monitor would read it too; while following, it may be a line still being written.
   */
  *unterminated(): Generator<{ raw: string; line: number }> {
    const last = this.rest + this.decoder.decode();
    this.rest = '';
    if (last === '') return;
    this.line++;
    yield { raw: last.replace(/\r$/, ''), line: this.line };
  }
}

export interface FollowOptions {
  control: { path: string; label: string };
  canary: { path: string; label: string };
  grader: Grader;
  policy: MonitorPolicy;
  window: { ms: number; text: string };
  /** How often the logs are checked for new lines. */
  pollMs: number;
  /** Stop once neither log grew for this long (CI use); default: run until the signal. */
  idleMs?: number;
  signal?: AbortSignal;
  /** Each closed window, with monitor.json as it stands after it. */
  onWindow: (
    w: WindowResult,
    file: MonitorFile,
    held: { openWindows: number; closedWindows: number },
  ) => void | Promise<void>;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/**
 * The streaming monitor: tails both logs, grades each new conversation once, and tests each canary window as
 * it closes (a canary conversation from a later window closes it). Memory: two tallies, the open windows and one
 * summary per closed window; no conversation is kept after it was graded.
 */
export async function followLogs(o: FollowOptions): Promise<{ file: MonitorFile; tracker: DriftTracker }> {
  const control = new Tally(o.grader.meta);
  const canary = new Tally(o.grader.meta);
  const tracker = new DriftTracker(o.window.ms, o.policy, o.grader.meta, control);
  const tails = {
    control: new LogTail(o.control.path, o.control.label),
    canary: new LogTail(o.canary.path, o.canary.label),
  };
  const sides = { control, canary, controlLog: o.control.label, canaryLog: o.canary.label };
  // What reading the logs repaired or ignored, said in monitor.json as the batch monitor says it.
  const read = { control: emptyTrafficStats(), canary: emptyTrafficStats() };
  const file = (partial: boolean) => {
    const f = buildMonitorFile(sides, o.grader, o.policy, {
      mode: 'canary',
      drift: { tracker, window: o.window.text },
      partial,
    });
    f.notes.push(
      ...describeTrafficStats(read.control, o.control.label),
      ...describeTrafficStats(read.canary, o.canary.label),
    );
    return f;
  };
  // A mistyped path would otherwise be watched forever in silence.
  for (const t of [tails.control, tails.canary])
    await stat(t.path).catch((e: NodeJS.ErrnoException) => {
      throw InputError.one(t.label, '', `cannot read traffic log: ${e.code ?? String(e)}`);
    });
  const onControl = async ({ raw, line }: { raw: string; line: number }) => {
    const r = parseTrafficLine(raw, line, o.control.label);
    if (!r) return;
    if (!r.ok) throw new InputError(r.problems);
    countTrafficLine(read.control, r.read);
    if (!r.conv.messages.length) return;
    control.add(await gradeConversation(r.conv, o.grader));
  };
  const onCanary = async ({ raw, line }: { raw: string; line: number }) => {
    const r = parseTrafficLine(raw, line, o.canary.label, { needTimestamp: true });
    if (!r) return;
    if (!r.ok) throw new InputError(r.problems);
    countTrafficLine(read.canary, r.read);
    if (!r.conv.messages.length || r.conv.timestamp === undefined) return; // no messages: nothing to grade
    const closed = tracker.closeBefore(r.conv.timestamp);
    const g = await gradeConversation(r.conv, o.grader);
    canary.add(g);
    tracker.add(g);
    for (const w of closed)
      await o.onWindow(w, file(true), {
        openWindows: tracker.openWindows,
        closedWindows: tracker.closed.length,
      });
  };
  let idleSince = Date.now();
  while (!o.signal?.aborted) {
    let grew = false;
    for await (const l of tails.control.lines()) {
      grew = true;
      await onControl(l);
    }
    for await (const l of tails.canary.lines()) {
      grew = true;
      await onCanary(l);
    }
    if (grew) idleSince = Date.now();
    else if (o.idleMs !== undefined && Date.now() - idleSince >= o.idleMs) {
      // The logs stopped growing: a last line without its newline is complete, and the batch monitor reads it.
      for (const l of tails.control.unterminated()) await onControl(l);
      for (const l of tails.canary.unterminated()) await onCanary(l);
      break;
    } else await sleep(o.pollMs, o.signal);
  }
  return { file: file(false), tracker };
}
