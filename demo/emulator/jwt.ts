import { createHmac, timingSafeEqual, randomUUID } from 'node:crypto';

/** What the emulator puts in a session token. */
export interface TokenClaims {
  /** The account. */
  sub: string;
  /** Token id: sessions are counted per token for `max_sessions`. */
  jti: string;
  iat: number;
  exp: number;
  /** Models the token may start sessions for (short names); absent = every model. */
  models?: string[];
  /** How many sessions the token may ever create; absent = no limit. */
  max_sessions?: number;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** Signs claims as an HS256 JWT. */
export function signJwt(claims: TokenClaims, secret: string): string {
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify(claims));
  const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

/** Verifies an HS256 JWT; returns its claims, or null when it is malformed, forged or expired. */
export function verifyJwt(token: string, secret: string, nowMs = Date.now()): TokenClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [head, body, sig] = parts as [string, string, string];
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: string };
    if (header.alg !== 'HS256') return null;
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenClaims;
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= nowMs) return null;
    return claims;
  } catch {
    return null;
  }
}

export function newTokenId(): string {
  return randomUUID();
}
