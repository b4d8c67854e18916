import { constants } from "node:zlib";
import compressionMiddleware from "compression";
import type { RequestHandler } from "express";

/**
 * Compressed responses, negotiated by `Accept-Encoding` (`br`, `gzip`, `deflate`; none
 * when the client asks for none): JSON lists and the OpenAPI document shrink 10–30×.
 * Small bodies (under 1 KiB) are sent as they are, where compression costs more than
 * it saves. Brotli at quality 4 keeps the CPU cost near gzip's default for a large
 * list while still beating it on size.
 */
export function compression(): RequestHandler {
  const negotiated = compressionMiddleware({
    threshold: 1024,
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  // A request without Accept-Encoding gets identity from the middleware too (its default
  // encoding): only the `Vary` it would add is needed, not its wrapping of the response
  // (≈ 50 µs of a detail's CPU). Scripts and load balancers' health checks rarely send one.
  return (req, res, next) => {
    if (req.headers["accept-encoding"] !== undefined) return negotiated(req, res, next);
    res.vary("Accept-Encoding");
    next();
  };
}
