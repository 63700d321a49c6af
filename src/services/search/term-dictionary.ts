/**
 * The term dictionary's radix tree: exact, prefix and typo-tolerant (Levenshtein) lookups of terms. It is MiniSearch's
 * SearchableMap (minisearch/SearchableMap) in arrays: the same tree, built by the same steps, searched by the same
 * algorithm, so that it finds the same terms in the same order (the order decides ties between equal scores and which
 * word a suggestion offers). SearchableMap keeps a JavaScript Map per node of the tree: at 20,000 items with their
 * minutes, some 34,000 Maps with their hash tables, ~10 MB of heap for 30,000 terms. Here a node is two numbers and
 * an edge a label and four, ~1 MB.
 *
 * As in SearchableMap, a node's edges are in the order they were made, and the end of a term is an edge of its own
 * (the LEAF, label '') among them; an edge split by a later term is made anew, and so moves to the end.
 */

/** An edge's child for an edge that ends a term (SearchableMap's LEAF key). */
const LEAF = -1;
const NONE = -1;

export class TermDictionary {
  // Edges, by number: the label, the node it leads to (LEAF: none, it ends a term whose value is in `values`), and
  // the node's edges before and after it.
  private labels: string[] = [];
  private children: Int32Array = new Int32Array(64);
  private values: Int32Array = new Int32Array(64);
  private nexts: Int32Array = new Int32Array(64);
  private prevs: Int32Array = new Int32Array(64);
  private edgeCount = 0;
  // Nodes, by number (the root is 0): their first and last edges.
  private firsts: Int32Array = new Int32Array(64).fill(NONE);
  private lasts: Int32Array = new Int32Array(64).fill(NONE);
  private nodeCount = 1;

  /** Lets go of the arrays' spare room (after a load, when few terms are still to come). */
  trim(): void {
    this.children = this.children.slice(0, this.edgeCount);
    this.values = this.values.slice(0, this.edgeCount);
    this.nexts = this.nexts.slice(0, this.edgeCount);
    this.prevs = this.prevs.slice(0, this.edgeCount);
    this.firsts = this.firsts.slice(0, this.nodeCount);
    this.lasts = this.lasts.slice(0, this.nodeCount);
  }

  /** Adds the term with its value (SearchableMap.set): a term already there keeps its place and takes the value. */
  set(term: string, value: number): void {
    const node = this.createPath(term);
    for (let e = this.firsts[node]!; e !== NONE; e = this.nexts[e]!) {
      if (this.children[e] === LEAF) {
        this.values[e] = value;
        return;
      }
    }
    this.appendEdge(node, '', LEAF, value);
  }

  /**
   * The terms within `maxDistance` edits of `query`, each with its value and distance, in the tree's order
   * (SearchableMap.fuzzyGet, after http://stevehanov.ca/blog/?id=114: one Levenshtein row per character of the path).
   */
  fuzzyGet(query: string, maxDistance: number): Map<string, [number, number]> {
    const results = new Map<string, [number, number]>();
    const n = query.length + 1;
    // A term within maxDistance is at most that much longer than the query.
    const m = n + maxDistance;
    const matrix = new Uint8Array(m * n).fill(maxDistance + 1);
    for (let j = 0; j < n; j += 1) matrix[j] = j;
    for (let i = 1; i < m; i += 1) matrix[i * n] = i;
    this.fuzzyRecurse(0, query, maxDistance, results, matrix, 1, n, '');
    return results;
  }

  /** The terms that begin with `prefix`, with their values, in the order SearchableMap.atPrefix iterates them. */
  atPrefix(prefix: string): Array<[string, number]> {
    const found: Array<[string, number]> = [];
    let node = 0;
    let rest = prefix;
    descend: while (rest.length > 0) {
      for (let e = this.firsts[node]!; e !== NONE; e = this.nexts[e]!) {
        const label = this.labels[e]!;
        if (this.children[e] !== LEAF && rest.startsWith(label)) {
          node = this.children[e]!;
          rest = rest.slice(label.length);
          continue descend;
        }
      }
      // The prefix ends inside an edge, or leaves the tree.
      for (let e = this.firsts[node]!; e !== NONE; e = this.nexts[e]!) {
        const label = this.labels[e]!;
        if (this.children[e] !== LEAF && label.startsWith(rest)) {
          this.collect(this.children[e]!, prefix + label.slice(rest.length), found);
          return found;
        }
      }
      return found;
    }
    this.collect(node, prefix, found);
    return found;
  }

  /** Every term under the node, depth first and each node's edges last made first (SearchableMap's TreeIterator). */
  private collect(node: number, path: string, found: Array<[string, number]>): void {
    for (let e = this.lasts[node]!; e !== NONE; e = this.prevs[e]!) {
      if (this.children[e] === LEAF) found.push([path, this.values[e]!]);
      else this.collect(this.children[e]!, path + this.labels[e]!, found);
    }
  }

  private fuzzyRecurse(
    node: number, query: string, maxDistance: number, results: Map<string, [number, number]>, matrix: Uint8Array, m: number, n: number, prefix: string,
  ): void {
    const offset = m * n;
    edges: for (let e = this.firsts[node]!; e !== NONE; e = this.nexts[e]!) {
      if (this.children[e] === LEAF) {
        const distance = matrix[offset - 1]!;
        if (distance <= maxDistance) results.set(prefix, [this.values[e]!, distance]);
        continue;
      }
      const label = this.labels[e]!;
      let i = m;
      for (let pos = 0; pos < label.length; pos += 1, i += 1) {
        const char = label.charCodeAt(pos);
        const thisRow = n * i;
        const previousRow = thisRow - n;
        let minDistance = matrix[thisRow]!;
        const jmin = Math.max(0, i - maxDistance - 1);
        const jmax = Math.min(n - 1, i + maxDistance);
        for (let j = jmin; j < jmax; j += 1) {
          const replace = matrix[previousRow + j]! + (char !== query.charCodeAt(j) ? 1 : 0);
          const remove = matrix[previousRow + j + 1]! + 1;
          const insert = matrix[thisRow + j]! + 1;
          const distance = (matrix[thisRow + j + 1] = Math.min(replace, remove, insert));
          if (distance < minDistance) minDistance = distance;
        }
        // Distances only grow down the path: nothing below this edge is near enough.
        if (minDistance > maxDistance) continue edges;
      }
      this.fuzzyRecurse(this.children[e]!, query, maxDistance, results, matrix, i, n, prefix + label);
    }
  }

  /** The node where the term ends, made as SearchableMap's createPath makes it. */
  private createPath(term: string): number {
    let node = 0;
    outer: for (let pos = 0; pos < term.length;) {
      for (let e = this.firsts[node]!; e !== NONE; e = this.nexts[e]!) {
        const label = this.labels[e]!;
        if (this.children[e] === LEAF || term.charCodeAt(pos) !== label.charCodeAt(0)) continue;
        const length = Math.min(term.length - pos, label.length);
        let offset = 1;
        while (offset < length && term.charCodeAt(pos + offset) === label.charCodeAt(offset)) offset += 1;
        const child = this.children[e]!;
        if (offset === label.length) node = child;
        else {
          // The term leaves the edge part-way: a node where it does, holding the rest of the edge. SearchableMap sets
          // the shorter edge and deletes the old one, so it is last among its node's edges now.
          const intermediate = this.addNode();
          this.appendEdge(intermediate, label.slice(offset), child, 0);
          this.unlink(node, e);
          this.labels[e] = term.slice(pos, pos + offset);
          this.children[e] = intermediate;
          this.link(node, e);
          node = intermediate;
        }
        pos += offset;
        continue outer;
      }
      const child = this.addNode();
      this.appendEdge(node, term.slice(pos), child, 0);
      return child;
    }
    return node;
  }

  private addNode(): number {
    const node = this.nodeCount;
    this.nodeCount += 1;
    if (node >= this.firsts.length) {
      this.firsts = grownFilled(this.firsts, node + 1);
      this.lasts = grownFilled(this.lasts, node + 1);
    }
    return node;
  }

  private appendEdge(node: number, label: string, child: number, value: number): void {
    const e = this.edgeCount;
    this.edgeCount += 1;
    if (e >= this.children.length) {
      this.children = grownFilled(this.children, e + 1);
      this.values = grownFilled(this.values, e + 1);
      this.nexts = grownFilled(this.nexts, e + 1);
      this.prevs = grownFilled(this.prevs, e + 1);
    }
    this.labels[e] = label;
    this.children[e] = child;
    this.values[e] = value;
    this.link(node, e);
  }

  /** Puts the edge last among the node's edges. */
  private link(node: number, e: number): void {
    const last = this.lasts[node]!;
    this.prevs[e] = last;
    this.nexts[e] = NONE;
    if (last === NONE) this.firsts[node] = e;
    else this.nexts[last] = e;
    this.lasts[node] = e;
  }

  private unlink(node: number, e: number): void {
    const [prev, next] = [this.prevs[e]!, this.nexts[e]!];
    if (prev === NONE) this.firsts[node] = next;
    else this.nexts[prev] = next;
    if (next === NONE) this.lasts[node] = prev;
    else this.prevs[next] = prev;
  }
}

/** A copy at least `size` long (doubling), new places NONE. */
const grownFilled = (array: Int32Array, size: number): Int32Array => {
  const bigger = new Int32Array(Math.max(size, array.length * 2)).fill(NONE);
  bigger.set(array);
  return bigger;
};
