import { getOctokit } from '@actions/github';

export type Octokit = ReturnType<typeof getOctokit>;

/** 403 / 404 from GitHub: a read-only token (fork PR) or a missing permission. Reported, never fatal to the verdict. */
export function isPermissionError(e: unknown): boolean {
  const status = (e as { status?: number } | null)?.status;
  return status === 403 || status === 404;
}

export function describeApiError(e: unknown): string {
  const err = e as { status?: number; message?: string };
  return err.status ? `HTTP ${err.status}: ${err.message ?? ''}`.trim() : String(err?.message ?? e);
}
