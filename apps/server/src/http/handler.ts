import type { Request } from "express";
import type { RequestContext } from "../framework/context";

export interface HandlerInput {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  ctx: RequestContext;
  req: Request;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
  /** `body` already serialized (`JSON.stringify(body)`), e.g. to hash it for an ETag: sent as it is, not serialized again. */
  json?: string;
  headers?: Record<string, string>;
  /** Send as-is (HTML) instead of JSON. */
  html?: string;
}

export type Handler = (input: HandlerInput) => Promise<HandlerResult>;
