// A stand-in for @actions/core (as actions/typescript-action does): inputs from a map, every call recorded.
import type * as core from '@actions/core';
import { jest } from '@jest/globals';

export const inputs: Record<string, string> = {};
export const outputs: Record<string, string> = {};

export const getInput = jest.fn<typeof core.getInput>((name) => inputs[name] ?? '');
export const setOutput = jest.fn<typeof core.setOutput>((name, value) => {
  outputs[name] = String(value);
});
export const setFailed = jest.fn<typeof core.setFailed>();
export const setSecret = jest.fn<typeof core.setSecret>();
export const notice = jest.fn<typeof core.notice>();
export const warning = jest.fn<typeof core.warning>();
export const info = jest.fn<typeof core.info>();
export const debug = jest.fn<typeof core.debug>();
export const error = jest.fn<typeof core.error>();
export const summary = {
  addRaw: jest.fn(() => summary),
  write: jest.fn(async () => summary),
};

/** Clears the recorded calls and the inputs/outputs between tests. */
export function reset(next: Record<string, string> = {}): void {
  for (const k of Object.keys(inputs)) delete inputs[k];
  for (const k of Object.keys(outputs)) delete outputs[k];
  Object.assign(inputs, next);
  for (const f of [getInput, setOutput, setFailed, setSecret, notice, warning, info, debug, error])
    f.mockClear();
}
