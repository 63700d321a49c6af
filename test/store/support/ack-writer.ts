/**
 * Child process for embedded-durability.test.ts: records acknowledgements as fast as it can and prints each id
 * only after create() has resolved (committed). The parent kills it with SIGKILL mid-stream.
 * Run: node --import tsx test/store/support/ack-writer.ts <dataDir>
 */
import { createEmbeddedStore } from '../../../src/store/embedded';

const main = async (): Promise<void> => {
  const dataDir = process.argv[2];
  if (dataDir === undefined) throw new Error('usage: ack-writer <dataDir>');
  const store = createEmbeddedStore({ dataDir });
  for (let i = 0; ; i++) {
    const memberId = `cllr-${i % 40}`;
    const agendaItemId = `ai-${Math.floor(i / 40)}`;
    await store.acknowledgements.create({
      agendaItemId,
      committeeId: 'cabinet',
      memberId,
      acknowledgedAt: new Date().toISOString(),
      via: { channel: 'teams', conversationId: `a:1personal-${memberId}` },
    });
    process.stdout.write(`${memberId} ${agendaItemId}\n`);
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
