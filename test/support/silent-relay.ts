import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

export interface SilentRelay {
  /** http://127.0.0.1:<port>, relaying to the target until it goes silent. */
  readonly endpoint: string;
  /** From now on connections are accepted and never answered, like a black-holed network. */
  goSilent(): void;
  close(): Promise<void>;
}

/** A TCP relay to a local server (the Cosmos DB test server) that can go silent: connections open, no answer. */
export async function startSilentRelay(targetEndpoint: string): Promise<SilentRelay> {
  let silent = false;
  const held: Socket[] = [];
  const relay = createServer((socket) => {
    if (silent) {
      held.push(socket);
      return;
    }
    const upstream = connect(Number(new URL(targetEndpoint).port), '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(relay.address() as AddressInfo).port}`,
    goSilent: () => {
      silent = true;
    },
    close: async () => {
      for (const socket of held) socket.destroy();
      await new Promise<void>((resolve) => relay.close(() => resolve()));
    },
  };
}
