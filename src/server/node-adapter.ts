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
      // The body as a stream the handler reads when it needs it (within its own bounds): a
      // request refused on its origin or method is answered before any byte of it is read.
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const request = new Request(`${secure ? 'https' : 'http'}://${host}${req.url ?? '/'}`, {
        method: req.method,
        headers,
        body: hasBody ? bodyStream(req) : undefined,
        duplex: 'half',
      } as RequestInit);
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

/**
 * The request's body as a Web stream that reads only as fast as the handler pulls (the socket is
 * paused in between), so an unread body is never buffered. Written without `node:stream`: this
 * module is part of `reactor-elements/server`, which edge bundlers must resolve without Node.
 */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  // Once the handler stops reading, Node's server drains the rest: those chunks go nowhere.
  let open = true;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.pause();
        req.on('data', (chunk: Buffer) => {
          if (!open) return;
          controller.enqueue(new Uint8Array(chunk));
          req.pause();
        });
        req.once('end', () => {
          if (open) controller.close();
          open = false;
        });
        req.once('error', (error) => {
          if (open) controller.error(error);
          open = false;
        });
      },
      pull() {
        req.resume();
      },
      // A handler that stops reading (a body too large or too slow) answers first; Node's server
      // then reads and drops what is left of the body, without keeping it.
      cancel() {
        open = false;
        req.resume();
      },
    },
    { highWaterMark: 1 },
  );
}
