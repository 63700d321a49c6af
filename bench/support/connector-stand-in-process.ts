/**
 * The Teams Bot Connector stand-in (test/support/teams-connector-stand-in.ts) as a process of its own, so that the
 * bot under test and the stand-in do not share an event loop or a CPU's worth of timers. It prints its address, then
 * answers control requests beside the Bot Connector's own paths:
 *   GET  /__stats   what it received: { delivered, distinct, duplicates, throttled, failed, requests }
 *   POST /__reset   forget the counts; body: the limits and faults for the next run (StandInOptions)
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TeamsConnectorStandIn, type StandInOptions } from '../../test/support/teams-connector-stand-in';

/** Pauses between accepted messages longer than 100 ms: how many, and how long in all. */
const gapsOf = (times: readonly number[]) => {
  let count = 0;
  let totalMs = 0;
  const sorted = [...times].sort((a, b) => a - b);
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i]! - sorted[i - 1]!;
    if (gap > 100) {
      count += 1;
      totalMs += gap;
    }
  }
  return { count, totalMs };
};

async function main(): Promise<void> {
  let standIn = await new TeamsConnectorStandIn({ tenantPerSecond: 30 }).start();
  const control = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (req.url === '/__stats') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({
            delivered: standIn.delivered, distinct: standIn.received.size, duplicates: standIn.duplicates(), throttled: standIn.throttled,
            failed: standIn.failed, requests: standIn.requests, firstAcceptedAt: standIn.firstAcceptedAt, lastAcceptedAt: standIn.lastAcceptedAt, url: standIn.url,
            gaps: gapsOf(standIn.acceptedAt),
          }));
          return;
        }
        if (req.url === '/__reset') {
          const options = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as StandInOptions;
          const port = Number(new URL(standIn.url).port);
          await standIn.stop();
          standIn = await new TeamsConnectorStandIn(options).start(port);
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ url: standIn.url }));
          return;
        }
        res.writeHead(404);
        res.end();
      })();
    });
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`${JSON.stringify({ connector: standIn.url, control: `http://127.0.0.1:${(control.address() as AddressInfo).port}` })}\n`);
}

void main();
