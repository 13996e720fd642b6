/**
 * Who is asking for a token, for the per-client limit, told apart by something the client
 * cannot choose. `X-Forwarded-For` is written by whoever sends the request, so by default it is
 * not read at all: the address is the socket's, as the runtime reports it (`toNodeHandler`
 * passes it; Deno's `serve` and Bun's `requestIP` give it too). Behind proxies the site owner
 * says how many to trust (`trustProxy: n`): each trusted proxy appends the address it saw, so
 * the client is the n-th address from the right, counting the socket's as the first. Anything a
 * client prepended further left is never read.
 */

/** What the runtime knows about the connection (not from the request's headers). */
export interface ConnectionInfo {
  /** The address of the peer of the socket, e.g. `203.0.113.7` or `::ffff:10.0.0.3`. */
  remoteAddress?: string;
}

/**
 * The client's address, or null when it cannot be known (no socket address was passed and no
 * proxy is trusted): the caller then counts all such requests as one client.
 */
export function clientAddress(
  request: Request,
  info: ConnectionInfo | undefined,
  trustProxy: number,
): string | null {
  const socket = info?.remoteAddress?.trim() || null;
  if (trustProxy < 1) return socket;
  const forwarded = (request.headers.get('X-Forwarded-For') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  // Nearest first: the socket's peer, then what each proxy appended, right to left.
  const hops = [socket, ...forwarded.reverse()];
  for (let i = Math.min(trustProxy, hops.length - 1); i >= 0; i--) {
    if (hops[i]) return hops[i]!;
  }
  return null;
}
