#!/usr/bin/env node
/* Local development: the demo council, the bot and the Microsoft 365 Agents Playground (a Teams-like client), together.
 *
 *   npm run dev                       as Cllr Alan Pearson (councillor), playground/councillor.yml
 *   npm run dev -- --as officer       as Sarah Morgan (democratic services, admin), playground/officer.yml
 *   npm run dev -- --watch            restart the bot when a source file changes
 *   npm run dev -- --no-seed          skip loading the demo council
 *   npm run dev -- --playground-port 56151
 *
 * Steps: load the demo council into the store (`tsx src/cli/main.ts demo-seed`, idempotent), build the dashboard tab
 * (`npm run build:tab`; the printed address signs it in with the local officer token), start the bot
 * (`tsx src/index.ts`, PORT from the environment or .env, default 3978), wait for its /healthz, start the playground
 * (`agentsplayground -e http://127.0.0.1:PORT/api/messages -c msteams -p 56150`, no browser of its own, no telemetry),
 * print the URL to open. Ctrl-C stops both; if either stops by itself, the other is stopped too.
 * The bot runs in local mode (no MicrosoftAppId): the playground cannot authenticate to a bot that expects Azure tokens.
 */
'use strict';
/* global setTimeout, clearTimeout, fetch, AbortSignal */

const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const TSX_CLI = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const VITE_CLI = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const PLAYGROUND_CLI = path.join(ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
const ROLES = {
  councillor: { file: 'councillor.yml', who: 'Cllr Alan Pearson, Portfolio Holder for Housing and Communities (councillor)' },
  officer: { file: 'officer.yml', who: 'Sarah Morgan, Democratic Services Manager (officer, admin)' },
};
const IS_WINDOWS = process.platform === 'win32';

function usage(message) {
  if (message) console.error(`dev: ${message}\n`);
  console.error('Usage: npm run dev -- [--as councillor|officer] [--watch] [--no-seed] [--playground-port N]');
  process.exit(message ? 2 : 0);
}

function parseArgs(argv) {
  const opts = { as: 'councillor', watch: false, seed: true, playgroundPort: 56150 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === '--as') opts.as = value();
    else if (flag === '--watch') opts.watch = true;
    else if (flag === '--no-seed') opts.seed = false;
    else if (flag === '--playground-port' || flag === '-p') opts.playgroundPort = Number(value());
    else if (flag === '--help' || flag === '-h') usage();
    else usage(`unknown option ${arg}`);
  }
  if (!ROLES[opts.as]) usage(`--as must be one of ${Object.keys(ROLES).join(', ')} (got ${opts.as})`);
  if (!Number.isInteger(opts.playgroundPort) || opts.playgroundPort < 1 || opts.playgroundPort > 65535) usage('--playground-port must be a port number');
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const role = ROLES[opts.as];

// The same .env the bot reads, so that we know its port and can warn about settings the playground cannot work with.
require('dotenv').config({ path: path.join(ROOT, '.env'), quiet: true });
const botPort = Number(process.env.PORT || 3978);
if (process.env.MicrosoftAppId) {
  console.error(
    'dev: MicrosoftAppId is set (in .env or the environment). The Agents Playground only talks to a bot in local mode:\n' +
      '     empty MicrosoftAppId in .env, or run `MicrosoftAppId= npm run dev`.',
  );
  process.exit(2);
}
// The dashboard (/tab/) signs in with the local officer token: .env's, or one made for this run only (the bot is on
// the loopback address in local mode, and the token is printed here, in the dashboard's address, never served).
const officerToken = process.env.OFFICER_API_TOKEN || randomBytes(24).toString('base64url');
const configPath = path.join(ROOT, 'playground', role.file);
if (!fs.existsSync(configPath)) {
  console.error(`dev: ${configPath} is missing`);
  process.exit(2);
}

/** Children started in their own process group, so that stopping one stops whatever it started. */
const children = new Set();

function start(name, args, extraEnv, stdio) {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...extraEnv },
    stdio,
    detached: !IS_WINDOWS,
  });
  child.label = name;
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function signal(child, sig) {
  try {
    if (IS_WINDOWS) child.kill(sig);
    else process.kill(-child.pid, sig);
  } catch {
    // already gone
  }
}

let stopping = false;
function stopAll(exitCode) {
  if (stopping) return;
  stopping = true;
  if (children.size) console.log('\ndev: stopping the playground and the bot...');
  const pending = [...children];
  pending.forEach((c) => signal(c, 'SIGTERM'));
  const force = setTimeout(() => pending.forEach((c) => signal(c, 'SIGKILL')), 10_000);
  force.unref();
  const waitAll = pending.map((c) => (c.exitCode !== null || c.signalCode !== null ? null : new Promise((r) => c.once('exit', r))));
  Promise.all(waitAll).then(() => {
    clearTimeout(force);
    process.exit(exitCode);
  });
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
process.on('exit', () => children.forEach((c) => signal(c, 'SIGKILL')));

function runToEnd(name, args) {
  return new Promise((resolve, reject) => {
    const child = start(name, args, {}, 'inherit');
    child.once('error', reject);
    child.once('exit', (code, sig) => (code === 0 ? resolve() : reject(new Error(`${name} failed (exit code ${code}${sig ? `, ${sig}` : ''})`))));
  });
}

async function waitForHealth(url, bot, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (bot.exitCode !== null || bot.signalCode !== null) throw new Error('the bot stopped before it was ready (see its output above)');
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the bot did not answer ${url} within ${timeoutMs / 1000} s`);
}

async function main() {
  if (opts.seed) {
    console.log('dev: loading the demo council into the store (npm run demo:seed)...');
    await runToEnd('demo-seed', [TSX_CLI, 'src/cli/main.ts', 'demo-seed']);
  }
  if (stopping) return;
  console.log('dev: building the dashboard tab (npm run build:tab)...');
  await runToEnd('build:tab', [VITE_CLI, 'build', '--config', 'web/tab/vite.config.ts', '--logLevel', 'warn']);
  if (stopping) return;

  console.log(`dev: starting the bot on port ${botPort}${opts.watch ? ' (restarts on changes)' : ''}...`);
  const bot = start('bot', [TSX_CLI, ...(opts.watch ? ['watch', '--clear-screen=false'] : []), 'src/index.ts'], { PORT: String(botPort), OFFICER_API_TOKEN: officerToken }, 'inherit');
  bot.once('exit', (code, sig) => {
    if (!stopping) {
      console.error(`dev: the bot stopped (exit code ${code}${sig ? `, ${sig}` : ''}).`);
      stopAll(code || 1);
    }
  });
  await waitForHealth(`http://127.0.0.1:${botPort}/healthz`, bot, 60_000);
  if (stopping) return;

  // 127.0.0.1, not localhost: in local mode the bot listens on the loopback address only, and localhost may be ::1.
  const endpoint = `http://127.0.0.1:${botPort}/api/messages`;
  console.log(`dev: the bot is ready; starting the Agents Playground as ${role.who}...`);
  const playground = start(
    'playground',
    [PLAYGROUND_CLI, '-e', endpoint, '-c', 'msteams', '-p', String(opts.playgroundPort), '--disable-telemetry'],
    { TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath },
    ['ignore', 'pipe', 'pipe'],
  );
  let announced = false;
  const relay = (stream, out) => {
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        out.write(`[playground] ${line}\n`);
        const listening = /Listening on (\d+)/.exec(line);
        if (listening && !announced) {
          announced = true;
          const url = `http://localhost:${listening[1]}`;
          console.log(
            `\n  Cabinet bot is running.\n` +
              `  Open ${url} in your browser: Teams as ${role.who}.\n` +
              `  Dashboard (democratic services): http://127.0.0.1:${botPort}/tab/#token=${encodeURIComponent(officerToken)}\n` +
              `  Bot: ${endpoint}  (health: http://localhost:${botPort}/healthz)\n` +
              `  Playground config: ${path.relative(ROOT, configPath)}   Other role: npm run dev -- --as ${opts.as === 'officer' ? 'councillor' : 'officer'}\n` +
              `  The playground's log: devTools/m365agentsplayground.log (a bad config file is reported there).\n` +
              `  Ctrl-C stops both.\n`,
          );
        }
      }
    });
  };
  relay(playground.stdout, process.stdout);
  relay(playground.stderr, process.stderr);
  playground.once('exit', (code, sig) => {
    if (!stopping) {
      console.error(
        `dev: the playground stopped (exit code ${code}${sig ? `, ${sig}` : ''}); see devTools/m365agentsplayground.log ` +
          `(for example a config file it could not read: ${path.relative(ROOT, configPath)}).`,
      );
      stopAll(code || 1);
    }
  });
}

main().catch((err) => {
  console.error(`dev: ${err instanceof Error ? err.message : String(err)}`);
  stopAll(1);
});
