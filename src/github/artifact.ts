import { DefaultArtifactClient } from '@actions/artifact';

/** Uploads the reports and results; undefined (the caller says why) where the artifact service is not available. */
export async function uploadArtifact(
  name: string,
  files: string[],
  rootDir: string,
  retentionDays?: number,
): Promise<number | undefined> {
  if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL) return undefined;
  const client = new DefaultArtifactClient();
  const res = await client.uploadArtifact(name, files, rootDir, retentionDays ? { retentionDays } : {});
  return res.id;
}
