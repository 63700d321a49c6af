import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The Teams activity fixtures as Teams sends them (copies in test/fixtures/teams-activities, never edited). */
export const TEAMS_FIXTURES = path.resolve(__dirname, '../fixtures/teams-activities');

export function teamsActivity(name: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const activity = JSON.parse(readFileSync(path.join(TEAMS_FIXTURES, `${name}.json`), 'utf8')) as Record<string, unknown>;
  return { ...activity, ...overrides };
}

export async function postActivity(appUrl: string, activity: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const res = await fetch(`${appUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  return { status: res.status, body: await res.text() };
}
