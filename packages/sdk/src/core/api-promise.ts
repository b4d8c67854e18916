/** What the transport hands back for one successful request. */
export interface RawResult {
  response: Response;
  /** Parsed JSON (undefined for an empty body). */
  body: unknown;
  requestId: string;
}

/** A result with its request id attached (non-enumerable, so it never shows up in JSON). */
export type WithRequestId<T> = T extends object ? T & { readonly requestId: string } : T;

export function attachRequestId<T>(value: T, requestId: string): WithRequestId<T> {
  if (typeof value === "object" && value !== null && !Object.hasOwn(value, "requestId")) {
    Object.defineProperty(value, "requestId", { value: requestId, enumerable: false });
  }
  return value as WithRequestId<T>;
}

/**
 * The promise every method returns: await it for the data, or call
 * `withResponse()` for the data together with the raw `Response` (status,
 * headers) and the request id. The request starts immediately.
 */
export class APIPromise<T> implements PromiseLike<T> {
  #parsed: Promise<T> | undefined;

  constructor(
    protected readonly raw: Promise<RawResult>,
    protected readonly parse: (raw: RawResult) => T,
  ) {
    // Errors surface when the caller awaits; don't report them as unhandled before that.
    raw.catch(() => {});
  }

  #data(): Promise<T> {
    this.#parsed ??= this.raw.then(this.parse);
    return this.#parsed;
  }

  /** The raw `Response` (its body has already been read into the data). */
  asResponse(): Promise<Response> {
    return this.raw.then((r) => r.response);
  }

  async withResponse(): Promise<{ data: T; response: Response; requestId: string }> {
    const [data, raw] = await Promise.all([this.#data(), this.raw]);
    return { data, response: raw.response, requestId: raw.requestId };
  }

  // biome-ignore lint/suspicious/noThenProperty: this object is deliberately thenable
  then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#data().then(onfulfilled, onrejected);
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.#data().catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#data().finally(onfinally);
  }
}
