/**
 * Polls `f` until it returns something other than `undefined` and resolves with it; after
 * `ms` it fails naming `what`. Tests wait for conditions this way, never for a fixed time:
 * a busy machine only makes them slower, not red.
 */
export async function until<T>(what: string, f: () => Promise<T | undefined>, ms = 90_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
