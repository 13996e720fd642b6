/**
 * What a message of the runtime (the `runtime` scope of the data channel) means for the session:
 * - `modelSchema`: the model's command contract (see model-schema.ts);
 * - `sessionEnded {reason}`: the platform is ending the session (a redeploy, a drain): no
 *   reconnect can help, and the reason is worth passing on;
 * - `moderation {action, message, …}`: the platform refused an input; `warn` is for the visitor
 *   to read, `terminate` ends the session.
 * Anything else (a `pong` of an older platform, clips) means nothing here. Framework-free.
 */
import type { CommandCapability } from './commands.js';
import { commandsOfSchema } from './model-schema.js';
import { isRecord } from './values.js';

/** Detail of a moderation message (`reactor-moderation`). */
export interface ModerationDetail {
  action: 'warn' | 'terminate';
  /** The platform's words, for the visitor. */
  message: string;
  /** The command whose input was moderated, when the platform says. */
  command: string | null;
  categories: string[];
}

export type RuntimeNews =
  | { kind: 'contract'; commands: CommandCapability[] }
  | { kind: 'ended'; reason: string }
  | { kind: 'moderation'; detail: ModerationDetail }
  | null;

const text = (value: unknown, limit: number) =>
  typeof value === 'string' ? value.slice(0, limit) : '';

/** Reads one runtime message (`{type, data}`). */
export function readRuntimeMessage(message: unknown): RuntimeNews {
  if (!isRecord(message)) return null;
  const data = isRecord(message.data) ? message.data : {};
  switch (message.type) {
    case 'modelSchema': {
      const commands = commandsOfSchema(data);
      return commands ? { kind: 'contract', commands } : null;
    }
    case 'sessionEnded':
      return { kind: 'ended', reason: text(data.reason, 64) };
    case 'moderation':
      return {
        kind: 'moderation',
        detail: {
          action: data.action === 'terminate' ? 'terminate' : 'warn',
          message: text(data.message, 300),
          command: typeof data.command === 'string' ? data.command : null,
          categories: Array.isArray(data.categories)
            ? data.categories.filter((c): c is string => typeof c === 'string')
            : [],
        },
      };
    default:
      return null;
  }
}
