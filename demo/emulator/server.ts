/**
 * The emulator as a Node HTTP handler and server: each request is matched to a route (routes.ts),
 * preflighted, delayed by the modelled latency, version-checked, given any forced fault and
 * authorised before the platform (platform.ts) answers it.
 */
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorConfig } from './config.js';
import { type ErrorReply, errors, forcedReply } from './errors.js';
import { fromError, readBody, readJson, send } from './http.js';
import type { TokenClaims } from './jwt.js';
import { Platform } from './platform.js';
import type { PeerFactory } from './peer.js';
import { type Route, createRoutes } from './routes.js';

const API_VERSION = '1';
const WEBRTC_VERSION = '1.0';

type Next = (error?: unknown) => void;
type Handler = (req: IncomingMessage, res: ServerResponse, next?: Next) => void;

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
  const routes = createRoutes(platform);

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
    const strict = platform.config.strict;
    const candidates = routes.filter((r) => r.pattern.test(url.pathname) && !(strict && r.legacy));
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
