/**
 * Mounts a Web-standard handler on `node:http` or an Express-style app, with the socket's
 * address as the second argument:
 * `app.get('/api/reactor-token', toNodeHandler(createTokenHandler({...})))`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConnectionInfo } from './client-identity.js';

export function toNodeHandler(
  handler: (request: Request, info?: ConnectionInfo) => Promise<Response>,
) {
  return (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): void => {
    void (async () => {
      const host = req.headers.host ?? 'localhost';
      const secure = (req.socket as { encrypted?: boolean }).encrypted === true;
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
        else if (value !== undefined) headers.set(name, value);
      }
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const chunks: Buffer[] = [];
      if (hasBody) for await (const chunk of req) chunks.push(chunk as Buffer);
      const request = new Request(`${secure ? 'https' : 'http'}://${host}${req.url ?? '/'}`, {
        method: req.method,
        headers,
        body: hasBody && chunks.length ? Buffer.concat(chunks) : undefined,
      });
      // The socket's address: the client as far as this server can know (see client-identity).
      const response = await handler(request, { remoteAddress: req.socket.remoteAddress });
      res.statusCode = response.status;
      response.headers.forEach((value, name) => res.setHeader(name, value));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      if (next) return next(error);
      res.statusCode = 500;
      res.end();
    });
  };
}
