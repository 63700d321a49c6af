/** A benchmark child process answers its parent's 'memory' message with its RSS and heap (bytes). */
export interface ChildMemory {
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
}

export const answerMemoryQueries = (): void => {
  process.on('message', (message) => {
    if (message !== 'memory') return;
    const { rss, heapUsed, heapTotal } = process.memoryUsage();
    process.send?.({ memory: { rss, heapUsed, heapTotal } satisfies ChildMemory });
  });
};
