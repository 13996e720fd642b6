/**
 * The token broker configured by environment variables: the one way the deploy templates
 * (`templates/`) are set up, so a site owner sets a few variables in a platform's dashboard and
 * never edits code. A variable that is missing or wrong is said clearly: every request is then
 * refused with 500 and a message that names it, and the log says it once.
 */
import {
  type TokenHandler,
  type TokenHandlerOptions,
  createTokenHandler,
} from './token-handler.js';
import { maskSecrets, originOf, reply } from './replies.js';

/** The variables, and the option each one sets. */
export const ENV_VARIABLES = {
  REACTOR_API_KEY: 'apiKey (required, a secret)',
  REACTOR_MODELS: 'models (required), comma-separated, e.g. reactor/helios',
  REACTOR_ALLOWED_ORIGINS:
    'allowedOrigins (required), comma-separated, e.g. https://example.com,https://*.webflow.io',
  REACTOR_MAX_DURATION: 'maxDuration in seconds (default 1200)',
  REACTOR_MAX_SESSIONS: 'maxSessions per token (default 2)',
  REACTOR_DAILY_CREDIT_CEILING: 'dailyCreditCeiling in credits (default none)',
  REACTOR_PER_CLIENT_PER_MINUTE: 'perClientPerMinute (default 10)',
  REACTOR_API_URL: 'apiUrl (default the platform; the local emulator in development)',
} as const;

type Env = Readonly<Record<string, unknown>>;

const text = (env: Env, name: string): string | undefined => {
  const value = env[name];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
};

const list = (env: Env, name: string) =>
  text(env, name)
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** The largest number a variable may hold: past it, a typo (an extra digit or ten). */
const NUMBER_CEILING = 1e9;

/**
 * A plain positive decimal (`1200`, `2.5`): `0x10`, `1e3`, `Infinity` or `12 s` are refused,
 * as is anything over a billion.
 */
function number(env: Env, name: string): number | undefined {
  const value = text(env, name);
  if (value === undefined) return undefined;
  const n = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!(n > 0) || n > NUMBER_CEILING)
    throw new Error(
      `${name} must be a plain positive number (at most ${NUMBER_CEILING}), not ${JSON.stringify(value)}.`,
    );
  return n;
}

/** The handler's options from `env`; throws an error that names the variable at fault. */
export function optionsFromEnv(env: Env): TokenHandlerOptions {
  const missing = (['REACTOR_API_KEY', 'REACTOR_MODELS', 'REACTOR_ALLOWED_ORIGINS'] as const)
    .filter((name) => !text(env, name))
    .map((name) => `${name} (${ENV_VARIABLES[name]})`);
  if (missing.length) throw new Error(`Set ${missing.join(' and ')}.`);
  return {
    apiKey: text(env, 'REACTOR_API_KEY')!,
    models: list(env, 'REACTOR_MODELS')!,
    allowedOrigins: list(env, 'REACTOR_ALLOWED_ORIGINS')!,
    maxDuration: number(env, 'REACTOR_MAX_DURATION'),
    maxSessions: number(env, 'REACTOR_MAX_SESSIONS'),
    dailyCreditCeiling: number(env, 'REACTOR_DAILY_CREDIT_CEILING'),
    perClientPerMinute: number(env, 'REACTOR_PER_CLIENT_PER_MINUTE'),
    apiUrl: text(env, 'REACTOR_API_URL'),
  };
}

/**
 * A token handler set up from `env` (a platform's environment: `process.env`, `Deno.env`'s
 * object, a Worker's `env`) and `extra` (what the platform provides: the client's address, a
 * shared limit store). A setup mistake gives a handler that refuses every request with it.
 */
export function tokenHandlerFromEnv(
  env: Env,
  extra: Partial<TokenHandlerOptions> = {},
): TokenHandler {
  let problem: string;
  try {
    // An option left undefined takes the handler's default.
    return createTokenHandler({ ...optionsFromEnv(env), ...extra });
  } catch (error) {
    problem = (error instanceof Error ? error.message : String(error)).replace(
      /^createTokenHandler: /,
      '',
    );
  }
  const log = extra.log ?? ((line: string) => console.error(line));
  log(maskSecrets(`[reactor-elements token broker] not set up: ${problem}`));
  const message = maskSecrets(`The token route is not set up: ${problem}`);
  return (request) =>
    Promise.resolve(
      reply(500, { error: message, code: 'broker-not-set-up', message }, originOf(request)),
    );
}
