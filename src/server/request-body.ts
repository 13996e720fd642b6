/**
 * The token request's body, read with bounds: a token request needs none or a few hundred bytes,
 * so at most `limit` bytes are read (413 past it, also when `Content-Length` says so before any
 * byte), within `timeoutMs` (408 for a body dripped too slowly). Nothing is read before the
 * handler asks, so a refusal on the origin or the method never waits for a body.
 */

/** A token request's body never needs more. */
export const BODY_LIMIT = 4096;
/** How long a body may take to arrive. */
export const BODY_TIMEOUT_MS = 5000;

export type BodyResult = { text: string } | { status: 408 | 413 };

export async function readBody(
  request: Request,
  limit = BODY_LIMIT,
  timeoutMs = BODY_TIMEOUT_MS,
): Promise<BodyResult> {
  const declared = Number(request.headers.get('content-length'));
  if (declared > limit) return { status: 413 };
  if (!request.body) return { text: '' };
  const reader = request.body.getReader();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void reader.cancel().catch(() => undefined);
  }, timeoutMs);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (timedOut) return { status: 408 };
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        void reader.cancel().catch(() => undefined);
        return { status: 413 };
      }
      chunks.push(value);
    }
  } catch {
    return { status: timedOut ? 408 : 413 };
  } finally {
    clearTimeout(timer);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { text: new TextDecoder().decode(bytes) };
}
