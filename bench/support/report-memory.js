/**
 * Preloaded (`node --require`) into a bot that a benchmark runs as its own process: answers the parent's 'memory'
 * message over the IPC channel with the process's RSS and heap (bytes). Plain JavaScript, so that the bot runs exactly
 * as `npm start` runs it, from dist/ and without a TypeScript loader (tsx alone adds ~40 MB to a process's RSS).
 */
process.on('message', (message) => {
  if (message !== 'memory') return;
  const { rss, heapUsed, heapTotal } = process.memoryUsage();
  if (process.send) process.send({ memory: { rss, heapUsed, heapTotal } });
});
