/**
 * What the GPU side of one connection does with a browser's message, in the runtime's legacy JSON
 * codec (v0), apart from the WebRTC plumbing (peer.ts):
 * - on `data`, `{scope: "runtime", data: {type, data}}`: `requestSchema` → `modelSchema` (the
 *   contract), `ping` (the runtime does not answer it), `fileUploaded`; and, for the platform's
 *   relay of older clients only, `requestCapabilities` → `modelCapabilities` and a `pong`;
 * - on `data`, `{scope: "application", data: {type, data, uploads?}}`: a command for the model,
 *   logged; the relay also echoes it back (today's runtime sends a v0 client no acknowledgement);
 * - on `control`, `{type: "notification", event: "resume_track" | "pause_track", data: {name}}`:
 *   a track starts or stops reaching the wire; a `publish_track` request is refused (the emulated
 *   models take no browser track).
 */
import { legacyCommands, modelSchema } from './models.js';

/** A command the GPU side received, as `GET /_emulator/sessions/{id}/commands` lists it. */
export interface ReceivedCommand {
  command: string;
  data: unknown;
  uploads: Record<string, unknown> | null;
  /** Epoch milliseconds. */
  at: number;
}

export interface MessageContext {
  model: string;
  /** Today's runtime only: no legacy messages answered, no echo. */
  strict: boolean;
  send(scope: 'application' | 'runtime', type: string, data: unknown): void;
  sendControl(message: unknown): void;
  command(received: ReceivedCommand): void;
  track(name: string, on: boolean): void;
}

function parse(raw: unknown): Record<string, unknown> | null {
  if (typeof raw !== 'string') return null;
  try {
    const value = JSON.parse(raw) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A frame on the `data` channel. */
export function onDataFrame(raw: unknown, ctx: MessageContext): void {
  const message = parse(raw);
  const inner = message?.data as { type?: unknown; data?: unknown; uploads?: unknown } | undefined;
  const type = inner?.type;
  if (typeof type !== 'string') return;
  if (message!.scope === 'runtime') {
    if (type === 'requestSchema') ctx.send('runtime', 'modelSchema', modelSchema(ctx.model));
    if (ctx.strict) return;
    if (type === 'ping') ctx.send('runtime', 'pong', { t: Date.now() });
    if (type === 'requestCapabilities')
      ctx.send('runtime', 'modelCapabilities', { commands: legacyCommands(ctx.model) });
    return;
  }
  const uploads =
    inner!.uploads && typeof inner!.uploads === 'object'
      ? (inner!.uploads as Record<string, unknown>)
      : null;
  const data = inner!.data ?? null;
  if (!ctx.strict)
    ctx.send('application', 'echo', { command: type, data, ...(uploads ? { uploads } : {}) });
  ctx.command({ command: type, data, uploads, at: Date.now() });
}

/** A frame on the `control` channel. */
export function onControlFrame(raw: unknown, ctx: MessageContext): void {
  const message = parse(raw);
  const name = (message?.data as { name?: unknown } | undefined)?.name;
  if (message?.type === 'notification' && typeof name === 'string') {
    if (message.event === 'resume_track') ctx.track(name, true);
    if (message.event === 'pause_track' || message.event === 'unpublish_track')
      ctx.track(name, false);
  } else if (message?.type === 'request' && message.method === 'publish_track') {
    ctx.sendControl({
      type: 'response',
      method: 'publish_track',
      request_id: message.request_id ?? '',
      error: { code: 'publish_refused', message: 'This model takes no track from the browser.' },
    });
  }
}
