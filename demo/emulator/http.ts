/**
 * The emulator's HTTP plumbing: the reply shapes its routes answer, reading a request body within
 * a limit, and sending a reply with the CORS headers a browser on another origin needs.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorReply } from './errors.js';
import type { Result } from './platform.js';

export const BODY_LIMIT = 1 << 20;

export interface Reply {
  status: number;
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

export const json = (body: unknown, status = 200, headers?: Record<string, string>): Reply => ({
  status,
  body,
  headers,
});
export const fromError = (e: ErrorReply): Reply => ({
  status: e.status,
  body: e.body,
  headers: e.headers,
});
export const fromResult = <T>(r: Result<T>): Reply =>
  r.ok ? json(r.value, r.status ?? 200) : fromError(r.error);

export function noStore(reply: Reply): Reply {
  return { ...reply, headers: { ...reply.headers, 'Cache-Control': 'no-store' } };
}

export function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export async function readBody(req: IncomingMessage, limit: number, pauseMs = 0): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('The request body is too large.');
    chunks.push(chunk as Buffer);
    if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
  }
  return Buffer.concat(chunks);
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return null;
  const text = (await readBody(req, BODY_LIMIT)).toString('utf8').trim();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error('The request body is not valid JSON.');
  }
}

export function send(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
  const origin = req.headers.origin;
  res.setHeader('Access-Control-Allow-Origin', origin ?? '*');
  if (origin) res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
  res.setHeader(
    'Access-Control-Allow-Headers',
    'Authorization, Content-Type, Reactor-API-Key, Reactor-API-Version, Reactor-API-Accept-Version, Reactor-WebRTC-Version',
  );
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  res.setHeader('Access-Control-Max-Age', '600');
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  if (reply.status === 204 || (reply.body === undefined && reply.text === undefined)) {
    res.statusCode = reply.status;
    res.end();
    return;
  }
  const text = reply.text ?? JSON.stringify(reply.body);
  if (!res.hasHeader('Content-Type')) res.setHeader('Content-Type', 'application/json');
  res.statusCode = reply.status;
  res.end(text);
}
