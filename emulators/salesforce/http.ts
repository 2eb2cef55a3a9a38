import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './errors';

/** What a route handler returns; the server adds the common headers (Sforce-Limit-Info, content type). */
export interface RouteResponse {
  status: number;
  /** JSON-serialisable body, or a string sent as-is (CSV). Omitted for 204. */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface RouteRequest {
  method: string;
  /** Path after `/services/data/vXX.X` (e.g. `/query`), already URL-decoded per segment. */
  path: string;
  segments: string[];
  apiVersion: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  rawBody: Buffer;
  /** True when a lockError fault matched this request: writes fail with UNABLE_TO_LOCK_ROW. */
  lockFault: boolean;
}

export const MAX_BODY_BYTES = 150 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new ApiError(413, 'REQUEST_ENTITY_TOO_LARGE', 'Request body exceeds 150 MB');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON body or fails as Salesforce's parser does (400 JSON_PARSER_ERROR). */
export function jsonBody(req: RouteRequest): unknown {
  const text = req.rawBody.toString('utf8');
  if (text.trim() === '') throw new ApiError(400, 'JSON_PARSER_ERROR', 'The request body is empty');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError(
      400,
      'JSON_PARSER_ERROR',
      `Unexpected character in request body: ${(error as Error).message}`
    );
  }
}

export function send(
  res: ServerResponse,
  response: RouteResponse,
  extraHeaders: Record<string, string> = {}
): void {
  const headers: Record<string, string> = { ...extraHeaders, ...(response.headers ?? {}) };
  let payload: string | undefined;
  if (response.body !== undefined) {
    if (typeof response.body === 'string') {
      payload = response.body;
      headers['content-type'] = response.contentType ?? 'text/csv';
    } else {
      payload = JSON.stringify(response.body);
      headers['content-type'] = response.contentType ?? 'application/json;charset=UTF-8';
    }
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}

export function errorResponse(error: ApiError): RouteResponse {
  return { status: error.status, body: error.body() };
}
