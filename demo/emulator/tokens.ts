/** The emulated account's session tokens: minting (scoped by models and a session count) and checking. */
import { shortModelName } from './config.js';
import { type ErrorReply, errors } from './errors.js';
import { type TokenClaims, newTokenId, signJwt, verifyJwt } from './jwt.js';

/** `POST /tokens`: a token for `expiresAfter` seconds (1 s to 6 h), scoped by `authorizationDetails`. */
export function mintToken(
  secret: string,
  options: { expiresAfter?: unknown; authorizationDetails?: unknown },
) {
  const now = Date.now();
  const requested = typeof options.expiresAfter === 'number' ? options.expiresAfter : 3600;
  const ttl = Math.min(21_600, Math.max(1, Math.floor(requested)));
  const claims: TokenClaims = {
    sub: 'emulator-account',
    jti: newTokenId(),
    iat: Math.floor(now / 1000),
    exp: Math.floor(now / 1000) + ttl,
  };
  const details = Array.isArray(options.authorizationDetails) ? options.authorizationDetails : [];
  for (const detail of details) {
    const d = detail as {
      type?: string;
      resources?: { models?: { match?: unknown } };
      constraints?: { max_sessions?: unknown };
    };
    if (d.type !== 'session') continue;
    const match = d.resources?.models?.match;
    if (Array.isArray(match)) claims.models = match.map((m) => shortModelName(String(m)));
    if (typeof d.constraints?.max_sessions === 'number')
      claims.max_sessions = d.constraints.max_sessions;
  }
  return { jwt: signJwt(claims, secret), expires_at: claims.exp };
}

/** Mints a token for the given claims as they are (tests: expired tokens). */
export function mintRaw(secret: string, claims: Partial<TokenClaims>) {
  const now = Math.floor(Date.now() / 1000);
  const full: TokenClaims = {
    sub: 'emulator-account',
    jti: newTokenId(),
    iat: now,
    exp: now + 3600,
    ...claims,
  };
  return { jwt: signJwt(full, secret), expires_at: full.exp };
}

/** The claims of an `Authorization: Bearer …` header, or the 401 to answer. */
export function authorize(
  secret: string,
  header: string | undefined,
): { claims: TokenClaims } | { error: ErrorReply } {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match) return { error: errors.unauthorized('Missing bearer token.') };
  const claims = verifyJwt(match[1]!, secret);
  return claims ? { claims } : { error: errors.unauthorized() };
}
