/**
 * The k best of many scored things without sorting them all: a min-heap of the best so far, whose root is the one
 * to beat. A common word touches most documents; keeping the top 50 of 20,000 this way costs a few comparisons each.
 */
export class TopK<T> {
  private readonly heap: { item: T; score: number }[] = [];

  constructor(private readonly k: number) {}

  /** The score a new item must beat to get in, once there are k. */
  get floor(): number {
    return this.heap.length < this.k ? -Infinity : this.heap[0]!.score;
  }

  offer(item: T, score: number): void {
    if (this.k <= 0) return;
    if (this.heap.length < this.k) {
      this.heap.push({ item, score });
      this.up(this.heap.length - 1);
    } else if (score > this.heap[0]!.score) {
      this.heap[0] = { item, score };
      this.down(0);
    }
  }

  /** The best first. */
  sorted(): T[] {
    return [...this.heap].sort((a, b) => b.score - a.score).map((e) => e.item);
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.heap[parent]!.score <= this.heap[i]!.score) return;
      [this.heap[parent], this.heap[i]] = [this.heap[i]!, this.heap[parent]!];
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const [l, r] = [2 * i + 1, 2 * i + 2];
      let smallest = i;
      if (l < this.heap.length && this.heap[l]!.score < this.heap[smallest]!.score) smallest = l;
      if (r < this.heap.length && this.heap[r]!.score < this.heap[smallest]!.score) smallest = r;
      if (smallest === i) return;
      [this.heap[smallest], this.heap[i]] = [this.heap[i]!, this.heap[smallest]!];
      i = smallest;
    }
  }
}
