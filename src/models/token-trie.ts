// A trie keyed by whole tokens: names and role phrases are matched token by token, so a lookup
// costs one map access per token, however many phrases the dictionary holds.

export interface TrieNode<T> {
  children?: Map<string, TrieNode<T>>;
  /** Values of the phrases that end here. */
  values?: T[];
}

export class TokenTrie<T> {
  readonly root: TrieNode<T> = {};
  size = 0;

  insert(keys: readonly string[], value: T): void {
    if (keys.length === 0) return;
    let node = this.root;
    for (const key of keys) {
      node.children ??= new Map();
      let child = node.children.get(key);
      if (!child) {
        child = {};
        node.children.set(key, child);
      }
      node = child;
    }
    node.values ??= [];
    node.values.push(value);
    this.size++;
  }

  next(node: TrieNode<T>, key: string): TrieNode<T> | undefined {
    return node.children?.get(key);
  }

  /** The values of exactly this phrase. */
  get(keys: readonly string[]): T[] {
    let node: TrieNode<T> | undefined = this.root;
    for (const key of keys) {
      node = node.children?.get(key);
      if (!node) return [];
    }
    return node.values ?? [];
  }
}
