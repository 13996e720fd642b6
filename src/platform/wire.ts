/**
 * The message encoding of the two data channels, in one place: the runtime's JSON codec (v0),
 * which today's runtime still accepts (it calls it frozen; its binary successor, v1, would
 * replace this module and nothing else). Framework-free.
 *
 * - `data`: `{scope: "application", data: {type, data, uploads?}}` for a command and the model's
 *   messages; `{scope: "runtime", data: {type, data}}` for the platform's (`ping`,
 *   `requestSchema` → `modelSchema`, `fileUploaded`, `sessionEnded`, `moderation`).
 * - `control`: the track verbs, `{type: "notification", event: "resume_track", data: {name}}`.
 */

/** What a frame from the GPU side is: a message of the model or of the runtime. */
export type Inbound = { scope: 'model' | 'runtime'; message: unknown };

/** A command for the model (`uploads`: the files it references, apart from its data). */
export const encodeCommand = (type: string, data: unknown, uploads?: Record<string, unknown>) =>
  JSON.stringify({ scope: 'application', data: { type, data, uploads } });

/** A message for the runtime (`ping`, `requestSchema`, `fileUploaded`). */
export const encodeRuntime = (type: string, data: unknown) =>
  JSON.stringify({ scope: 'runtime', data: { type, data } });

/** A track verb for the `control` channel: start or stop a track reaching the wire. */
export const encodeTrackVerb = (event: 'resume_track' | 'pause_track', name: string) =>
  JSON.stringify({ type: 'notification', event, data: { name } });

/**
 * A frame of the `data` channel: the runtime's envelope (`scope: "runtime"`) or the model's
 * (`scope: "application"`, or no envelope at all: delivered as it came, parsed when JSON).
 */
export function decodeData(frame: unknown): Inbound {
  let parsed: unknown = frame;
  if (typeof frame === 'string') {
    try {
      parsed = JSON.parse(frame) as unknown;
    } catch {
      /* not JSON: delivered as text */
    }
  }
  const envelope = parsed as { scope?: unknown; data?: unknown } | null;
  const scope = envelope && typeof envelope === 'object' ? envelope.scope : undefined;
  if (scope === 'runtime') return { scope: 'runtime', message: envelope!.data };
  return { scope: 'model', message: scope === 'application' ? envelope!.data : parsed };
}
