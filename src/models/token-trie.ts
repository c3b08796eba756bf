// A trie keyed by whole tokens: names and role phrases are matched token by token, so a lookup
// costs one map access per token, however many phrases the dictionary holds. Nodes are numbers,
// each distinct token is interned to a number once (a KeyTable, which tries may share), and all
// edges live in one numeric Map
// (node × KEYS + key → child): a step allocates nothing, and a trie of 60,000 phrases costs a
// few hundred thousand map entries, not a Map per node.

export type TrieNode = number;

/** Room for this many distinct tokens: node × KEYS + key stays an exact integer below 2^53. */
const KEYS = 2 ** 21;

/** Token → number, shareable by several tries so that a text's tokens are looked up once for all. */
export class KeyTable {
  private readonly ids = new Map<string, number>();

  /** The key's number, or -1 when no phrase holds it. */
  id(key: string): number {
    return this.ids.get(key) ?? -1;
  }

  intern(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      if (id >= KEYS) throw new Error(`token trie: more than ${KEYS} distinct tokens`);
      this.ids.set(key, id);
    }
    return id;
  }
}

export class TokenTrie<T> {
  readonly root: TrieNode = 0;
  private readonly edges = new Map<number, TrieNode>();
  /**
   * The root's children by key number (0: none), also kept in `edges`: every token of a text
   * is looked up at the root, so that step is an array read.
   */
  private rootChildren = new Int32Array(1024);
  private readonly values: (T[] | undefined)[] = [undefined];
  size = 0;

  /** Adds `value` at the end of the phrase `keys`, unless a value `same` as it is there already. */
  insert(keys: readonly string[], value: T, same?: (v: T) => boolean): void {
    if (keys.length === 0) return;
    let node = this.root;
    for (const key of keys) {
      const id = this.keys.intern(key);
      const edge = node * KEYS + id;
      let child = this.edges.get(edge);
      if (child === undefined) {
        child = this.values.length;
        this.values.push(undefined);
        this.edges.set(edge, child);
        if (node === this.root) this.setRootChild(id, child);
      }
      node = child;
    }
    const values = (this.values[node] ??= []);
    if (same && values.some(same)) return;
    values.push(value);
    this.size++;
  }

  constructor(readonly keys: KeyTable = new KeyTable()) {}

  private setRootChild(id: number, child: TrieNode): void {
    if (id >= this.rootChildren.length) {
      const grown = new Int32Array(Math.max(id + 1, this.rootChildren.length * 2));
      grown.set(this.rootChildren);
      this.rootChildren = grown;
    }
    this.rootChildren[id] = child;
  }

  next(node: TrieNode, key: string): TrieNode | undefined {
    return this.step(node, this.keys.id(key));
  }

  /** The child of `node` along the key numbered `id` (from this trie's KeyTable). */
  step(node: TrieNode, id: number): TrieNode | undefined {
    if (id < 0) return undefined;
    if (node === this.root) return id < this.rootChildren.length && this.rootChildren[id] !== 0 ? this.rootChildren[id] : undefined;
    return this.edges.get(node * KEYS + id);
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
