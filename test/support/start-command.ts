/**
 * The Node flags a start command gives the bot: whatever stands between `node` and `dist/index.js` (npm start, the
 * Dockerfile's CMD, App Service's start command). Throws for a command that does not run `node … dist/index.js`.
 */
export function nodeFlagsOf(command: string | undefined): string[] {
  const match = /\bnode((?:\s+--?[^\s]+)*)\s+dist\/index\.js\b/.exec(command ?? '');
  if (!match) throw new Error(`not a command that runs "node … dist/index.js": ${command}`);
  return match[1]!.trim().split(/\s+/).filter((flag) => flag !== '');
}
