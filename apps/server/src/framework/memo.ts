/**
 * A memo of things derived from declarations (SQL fragments, presenters), keyed
 * by the caller's field choice. `?fields=` combinations are the caller's to pick,
 * so the memo is bounded: past `max` entries it starts over.
 */
export class BoundedMemo<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly max = 1000) {}

  get(key: string, build: () => V): V {
    let v = this.entries.get(key);
    if (v === undefined) {
      v = build();
      if (this.entries.size >= this.max) this.entries.clear();
      this.entries.set(key, v);
    }
    return v;
  }
}
