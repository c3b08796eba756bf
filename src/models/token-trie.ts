// A trie keyed by whole tokens: names and role phrases are matched token by token, so a lookup
// costs one map access per token, however many phrases the dictionary holds. Nodes are numbers
// and all edges live in one Map ("node␁token" → child): a trie of 60,000 phrases costs a few
// hundred thousand strings, not a Map per node.

export type TrieNode = number;

const SEPARATOR = '\u0001';

export class TokenTrie<T> {
  readonly root: TrieNode = 0;
  private readonly edges = new Map<string, TrieNode>();
  private readonly values: (T[] | undefined)[] = [undefined];
  size = 0;

  /** Adds `value` at the end of the phrase `keys`, unless a value `same` as it is there already. */
  insert(keys: readonly string[], value: T, same?: (v: T) => boolean): void {
    if (keys.length === 0) return;
    let node = this.root;
    for (const key of keys) {
      const edge = node + SEPARATOR + key;
      let child = this.edges.get(edge);
      if (child === undefined) {
        child = this.values.length;
        this.values.push(undefined);
        this.edges.set(edge, child);
      }
      node = child;
    }
    const values = (this.values[node] ??= []);
    if (same && values.some(same)) return;
    values.push(value);
    this.size++;
  }

  next(node: TrieNode, key: string): TrieNode | undefined {
    return this.edges.get(node + SEPARATOR + key);
  }

  /** The values of the phrases that end at `node`. */
  valuesAt(node: TrieNode): T[] | undefined {
    return this.values[node];
  }

  /** The values of exactly this phrase. */
  get(keys: readonly string[]): T[] {
    let node: TrieNode | undefined = this.root;
    for (const key of keys) {
      node = this.next(node, key);
      if (node === undefined) return [];
    }
    return this.values[node] ?? [];
  }
}
