import path from 'node:path';

/** The project folder (the e2e tests start the bot and the playground from here). */
export const ROOT = path.resolve(__dirname, '../../..');

/** Screenshots and process logs of the browser tests (kept out of git by .gitignore). */
export const ARTIFACTS_DIR = path.join(ROOT, 'test-artifacts', 'e2e');
export const LOGS_DIR = path.join(ARTIFACTS_DIR, 'logs');

/** Who the playground's current user is: one config file per role, under playground/. */
export type PlaygroundRole = 'councillor' | 'officer';

export const PLAYGROUND_CONFIGS: Record<PlaygroundRole, string> = {
  councillor: path.join(ROOT, 'playground', 'councillor.yml'),
  officer: path.join(ROOT, 'playground', 'officer.yml'),
};

/** The display names the two configs give their current user (header of the playground page). */
export const CURRENT_USER_NAMES: Record<PlaygroundRole, string> = {
  councillor: 'Cllr Alan Pearson',
  officer: 'Sarah Morgan',
};

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** tsx's loader, so the bot runs as one node process (no npx/tsx wrapper processes to clean up). */
export const TSX_LOADER = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs');
export const PLAYGROUND_CLI = path.join(ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');

/** A file-name-safe form of a test step name. */
export function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'step';
}
