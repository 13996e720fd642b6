/**
 * The emulator's routes: the platform's public and coordinator API (pricing, tokens, sessions,
 * uploads, WebRTC signalling), the demo's stand-in for a site's token and balance routes, and the
 * `/_emulator/*` control API for tests (ledger, config, faults, drops).
 */
import type { IncomingMessage } from 'node:http';
import { pricingDocument } from './config.js';
import { errors } from './errors.js';
import { type Reply, asRecord, fromError, fromResult, json, noStore } from './http.js';
import type { TokenClaims } from './jwt.js';
import type { Platform } from './platform.js';

export interface Route {
  method: string;
  pattern: RegExp;
  /** The platform's relay of older clients: absent in strict mode (today's runtime only). */
  legacy?: boolean;
  /**
   * `api`: coordinator (bearer + API version); `transport`: WebRTC (bearer + WebRTC version);
   * `upload`: a presigned URL (no auth, a raw body).
   */
  kind: 'public' | 'api' | 'transport' | 'control' | 'demo' | 'upload';
  run: (ctx: Context) => Promise<Reply> | Reply;
}

export interface Context {
  req: IncomingMessage;
  url: URL;
  params: string[];
  body: unknown;
  claims: TokenClaims;
}

/** The routes of `platform`, first match wins. */
export function createRoutes(platform: Platform): Route[] {
  const S = '([0-9a-f-]{36})';
  /** Tokens `POST /tokens` gave: a site's token route may be judged on calls it did not make. */
  let tokensMinted = 0;
  const routes: Route[] = [
    { method: 'GET', pattern: /^\/pricing$/, kind: 'public', run: pricing },
    { method: 'POST', pattern: /^\/tokens$/, kind: 'public', run: tokens },
    { method: 'GET', pattern: /^\/api\/reactor-token$/, kind: 'demo', run: demoToken },
    { method: 'POST', pattern: /^\/api\/reactor-token$/, kind: 'demo', run: demoToken },
    {
      method: 'GET',
      pattern: /^\/api\/reactor-balance$/,
      kind: 'demo',
      run: () => noStore(json(platform.balance())),
    },
    {
      method: 'POST',
      pattern: /^\/sessions$/,
      kind: 'api',
      run: (c) =>
        fromResult(
          platform.createSession(c.claims, c.body, {
            dryRun: c.url.searchParams.get('dryRun') === 'true',
          }),
        ),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/sessions/${S}$`),
      kind: 'api',
      run: (c) => fromResult(platform.getSession(c.claims, c.params[0]!)),
    },
    {
      method: 'DELETE',
      pattern: new RegExp(`^/sessions/${S}$`),
      kind: 'api',
      run: (c) => fromResult(platform.deleteSession(c.claims, c.params[0]!)),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/sessions/${S}/uploads$`),
      kind: 'api',
      run: (c) =>
        fromResult(
          platform.requestUpload(c.claims, c.params[0]!, c.body, `http://${c.req.headers.host}`),
        ),
    },
    {
      method: 'PUT',
      pattern: new RegExp(`^/_uploads/${S}$`),
      kind: 'upload',
      run: (c) => {
        const put = platform.uploads.put(c.params[0]!, c.body as Buffer);
        return put.ok
          ? json({ upload_id: put.record.upload_id, size: put.record.size })
          : { status: put.status, body: { code: 'upload-refused', message: put.message } };
      },
    },
    {
      method: 'GET',
      pattern: /^\/_emulator\/uploads$/,
      kind: 'control',
      run: () => json(platform.uploads.list()),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/sessions/${S}/info$`),
      kind: 'api',
      run: (c) => fromResult(platform.sessionInfo(c.claims, c.params[0]!)),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/sessions/${S}/transport/webrtc/ice_servers$`),
      kind: 'transport',
      run: (c) => fromResult(platform.iceServers(c.claims, c.params[0]!)),
    },
    ...signallingRoutes(S, platform),
    {
      method: 'GET',
      pattern: /^\/_emulator\/sessions$/,
      kind: 'control',
      run: () => json(platform.ledger()),
    },
    {
      method: 'GET',
      pattern: /^\/_emulator\/tokens$/,
      kind: 'control',
      run: () => json({ minted: tokensMinted }),
    },
    {
      method: 'GET',
      pattern: /^\/_emulator\/config$/,
      kind: 'control',
      run: () => json(platform.config),
    },
    {
      method: 'POST',
      pattern: /^\/_emulator\/config$/,
      kind: 'control',
      run: (c) => fromResult(platform.configure(asRecord(c.body))),
    },
    {
      method: 'POST',
      pattern: /^\/_emulator\/reset$/,
      kind: 'control',
      run: () => (platform.reset(), json({ reset: true })),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/_emulator/sessions/${S}/drop$`),
      kind: 'control',
      run: (c) => fromResult(platform.dropPeer(c.params[0]!)),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/_emulator/sessions/${S}/terminate$`),
      kind: 'control',
      run: (c) => fromResult(platform.terminateFault(c.params[0]!, asRecord(c.body).reason)),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/_emulator/sessions/${S}/moderate$`),
      kind: 'control',
      run: (c) => fromResult(platform.moderate(c.params[0]!, asRecord(c.body))),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/_emulator/sessions/${S}/commands$`),
      kind: 'control',
      run: (c) => fromResult(platform.commandsOf(c.params[0]!)),
    },
    {
      method: 'POST',
      pattern: /^\/_emulator\/token$/,
      kind: 'control',
      run: (c) => json(platform.mintRaw(asRecord(c.body) as Partial<TokenClaims>)),
    },
  ];

  function pricing(): Reply {
    const c = platform.config;
    if (c.pricingBody !== null)
      return {
        status: 200,
        text: c.pricingBody,
        headers: { 'Content-Type': c.pricingContentType },
      };
    return json(pricingDocument(c), 200, { 'Cache-Control': 'public, max-age=60' });
  }

  function tokens(ctx: Context): Reply {
    const key = ctx.req.headers['reactor-api-key'];
    if (key !== platform.config.apiKey)
      return fromError(errors.unauthorized('Missing or unknown Reactor-API-Key.'));
    const body = asRecord(ctx.body);
    tokensMinted++;
    return noStore(
      json(
        platform.mintToken({
          expiresAfter: body.expires_after,
          authorizationDetails: body.authorization_details,
        }),
      ),
    );
  }

  /** Plays the site owner's backend: holds the API key, hands the page a scoped short-lived token. */
  /**
   * The demo's token route; `expires_after` (s), `max_sessions` (default 20) and `delay_ms` (a
   * slow backend) for tests.
   */
  async function demoToken(ctx: Context): Promise<Reply> {
    const ttl = Number(ctx.url.searchParams.get('expires_after') ?? 3600);
    const maxSessions = Number(ctx.url.searchParams.get('max_sessions') ?? 20);
    const delay = Number(ctx.url.searchParams.get('delay_ms') ?? 0);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(delay, 60_000)));
    const models = Object.keys(platform.config.models);
    return noStore(
      json(
        platform.mintToken({
          expiresAfter: ttl,
          authorizationDetails: [
            {
              type: 'session',
              resources: { models: { match: models } },
              constraints: { max_sessions: maxSessions },
            },
          ],
        }),
      ),
    );
  }

  return routes;
}

/**
 * WebRTC signalling: today's per-connection routes, then the old cid-less paths that the
 * platform relays to the reserved connection 1001 (`legacy`: gone in strict mode).
 */
function signallingRoutes(S: string, platform: Platform): Route[] {
  const base = `^/sessions/${S}/transport/webrtc`;
  const C = '/connections/(\\d+)';
  const cid = (c: Context) => Number(c.params[1]);
  return [
    {
      method: 'POST',
      pattern: new RegExp(`${base}/connections$`),
      kind: 'transport',
      run: (c) => fromResult(platform.register(c.claims, c.params[0]!)),
    },
    ...(['POST', 'PUT'] as const).map((method): Route => ({
      method,
      pattern: new RegExp(`${base}${C}/sdp_params$`),
      kind: 'transport',
      run: (c) => fromResult(platform.offer(c.claims, c.params[0]!, c.body, cid(c))),
    })),
    {
      method: 'GET',
      pattern: new RegExp(`${base}${C}/sdp_params$`),
      kind: 'transport',
      run: (c) => fromResult(platform.sdpAnswer(c.claims, c.params[0]!, cid(c))),
    },
    {
      method: 'POST',
      pattern: new RegExp(`${base}${C}/ice_candidates$`),
      kind: 'transport',
      run: (c) => fromResult(platform.iceCandidates(c.claims, c.params[0]!, cid(c))),
    },
    ...(['POST', 'PUT'] as const).map((method): Route => ({
      method,
      pattern: new RegExp(`${base}/sdp_params$`),
      kind: 'transport',
      legacy: true,
      run: (c) => fromResult(platform.offer(c.claims, c.params[0]!, c.body)),
    })),
    {
      method: 'GET',
      pattern: new RegExp(`${base}/sdp_params$`),
      kind: 'transport',
      legacy: true,
      run: (c) => fromResult(platform.sdpAnswer(c.claims, c.params[0]!)),
    },
  ];
}
