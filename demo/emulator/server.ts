import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorConfig } from './config.js';
import { pricingDocument } from './config.js';
import { type ErrorReply, errors, forcedReply } from './errors.js';
import type { TokenClaims } from './jwt.js';
import { Platform, type Result } from './platform.js';
import type { PeerFactory } from './peer.js';

const API_VERSION = '1';
const WEBRTC_VERSION = '1.0';
const BODY_LIMIT = 1 << 20;

type Next = (error?: unknown) => void;
type Handler = (req: IncomingMessage, res: ServerResponse, next?: Next) => void;

interface Route {
  method: string;
  pattern: RegExp;
  /**
   * `api`: coordinator (bearer + API version); `transport`: WebRTC (bearer + WebRTC version);
   * `upload`: a presigned URL (no auth, a raw body).
   */
  kind: 'public' | 'api' | 'transport' | 'control' | 'demo' | 'upload';
  run: (ctx: Context) => Promise<Reply> | Reply;
}

interface Context {
  req: IncomingMessage;
  url: URL;
  params: string[];
  body: unknown;
  claims: TokenClaims;
}

interface Reply {
  status: number;
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

const json = (body: unknown, status = 200, headers?: Record<string, string>): Reply => ({
  status,
  body,
  headers,
});
const fromError = (e: ErrorReply): Reply => ({
  status: e.status,
  body: e.body,
  headers: e.headers,
});
const fromResult = <T>(r: Result<T>): Reply =>
  r.ok ? json(r.value, r.status ?? 200) : fromError(r.error);

export interface Emulator {
  platform: Platform;
  /** A Node/Connect handler: serves the emulator's routes, calls `next()` for any other path. */
  handler: Handler;
  /** Starts a standalone server; resolves with its base URL. */
  listen(port?: number, host?: string): Promise<string>;
  url: string | null;
  close(): Promise<void>;
}

export function createEmulator(
  config: Partial<EmulatorConfig> = {},
  deps: { createPeer?: PeerFactory } = {},
): Emulator {
  const platform = new Platform(config, deps);
  const S = '([0-9a-f-]{36})';
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
    {
      method: 'POST',
      pattern: new RegExp(`^/sessions/${S}/transport/webrtc/sdp_params$`),
      kind: 'transport',
      run: (c) => fromResult(platform.offer(c.claims, c.params[0]!, c.body)),
    },
    {
      method: 'PUT',
      pattern: new RegExp(`^/sessions/${S}/transport/webrtc/sdp_params$`),
      kind: 'transport',
      run: (c) => fromResult(platform.offer(c.claims, c.params[0]!, c.body)),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/sessions/${S}/transport/webrtc/sdp_params$`),
      kind: 'transport',
      run: (c) => fromResult(platform.sdpAnswer(c.claims, c.params[0]!)),
    },
    {
      method: 'GET',
      pattern: /^\/_emulator\/sessions$/,
      kind: 'control',
      run: () => json(platform.ledger()),
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
      run: (c) => fromResult(platform.terminateFault(c.params[0]!)),
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

  function checkVersions(route: Route, req: IncomingMessage): ErrorReply | null {
    const header = (name: string) => {
      const v = req.headers[name.toLowerCase()];
      return Array.isArray(v) ? v[0] : v;
    };
    if (route.kind === 'api') {
      for (const name of ['Reactor-API-Version', 'Reactor-API-Accept-Version']) {
        const v = header(name);
        if (v !== undefined && v !== API_VERSION) return errors.clientOutdated(name, v);
      }
    }
    if (route.kind === 'transport') {
      const v = header('Reactor-WebRTC-Version');
      if (v !== undefined && v !== WEBRTC_VERSION)
        return errors.clientOutdated('Reactor-WebRTC-Version', v);
    }
    return null;
  }

  async function dispatch(req: IncomingMessage, res: ServerResponse, next?: Next): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const method = req.method ?? 'GET';
    const candidates = routes.filter((r) => r.pattern.test(url.pathname));
    if (!candidates.length) {
      if (next) return next();
      return send(req, res, fromError(errors.notFound(`No route for ${method} ${url.pathname}.`)));
    }
    const control = candidates.every((r) => r.kind === 'control');
    if (method === 'OPTIONS') {
      // A modelled network delays every answer, CORS preflights included (a real one does).
      if (!control && platform.config.latencyMs > 0)
        await new Promise((r) => setTimeout(r, platform.config.latencyMs));
      return send(req, res, { status: 204 });
    }
    const route = candidates.find((r) => r.method === method);
    if (!route)
      return send(req, res, {
        status: 405,
        body: { code: 'bad-request', message: 'Method not allowed.' },
      });

    const params = route.pattern.exec(url.pathname)!.slice(1);
    let body: unknown;
    try {
      body =
        route.kind === 'upload'
          ? await readBody(req, platform.config.maxUploadBytes, platform.config.uploadChunkDelayMs)
          : await readJson(req);
    } catch (error) {
      return send(req, res, fromError(errors.badRequest((error as Error).message)));
    }
    if (route.kind !== 'control' && platform.config.latencyMs > 0) {
      await new Promise((r) => setTimeout(r, platform.config.latencyMs));
    }
    if (route.kind !== 'control') {
      const versionError = checkVersions(route, req);
      if (versionError) return send(req, res, fromError(versionError));
      const fault = platform.takeFault(method, url.pathname);
      if (fault) return send(req, res, fromError(forcedReply(fault.status, fault.retryAfter)));
    }
    let claims = { sub: '', jti: '', iat: 0, exp: 0 } as TokenClaims;
    if (route.kind === 'api' || route.kind === 'transport') {
      const auth = platform.authorize(req.headers.authorization);
      if (!auth.ok) return send(req, res, fromError(auth.error));
      claims = auth.value;
    }
    try {
      send(req, res, await route.run({ req, url, params, body, claims }));
    } catch (error) {
      console.error('[emulator]', error);
      send(req, res, fromError(errors.serverError()));
    }
  }

  const handler: Handler = (req, res, next) => {
    dispatch(req, res, next).catch((error: unknown) => {
      console.error('[emulator]', error);
      if (!res.headersSent) send(req, res, fromError(errors.serverError()));
    });
  };

  let server: Server | null = null;
  const emulator: Emulator = {
    platform,
    handler,
    url: null,
    listen(port = 0, host = '127.0.0.1') {
      server = createServer((req, res) => handler(req, res));
      return new Promise((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, host, () => {
          const address = server!.address() as AddressInfo;
          emulator.url = `http://${host}:${address.port}`;
          resolve(emulator.url);
        });
      });
    },
    close() {
      platform.close();
      return new Promise((resolve) => {
        if (!server) return resolve();
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
  return emulator;
}

function noStore(reply: Reply): Reply {
  return { ...reply, headers: { ...reply.headers, 'Cache-Control': 'no-store' } };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

async function readBody(req: IncomingMessage, limit: number, pauseMs = 0): Promise<Buffer> {
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

async function readJson(req: IncomingMessage): Promise<unknown> {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return null;
  const text = (await readBody(req, BODY_LIMIT)).toString('utf8').trim();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error('The request body is not valid JSON.');
  }
}

function send(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
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
