/**
 * The owner's setup checklist, apart from how it looks: what this page, its frame, its token
 * route and the Reactor API allow, each line with the fix when it fails. For `<reactor-session
 * debug>`, where a site owner cannot open a console (a builder's preview, a visitor's phone).
 * The network lines ask the real routes: the token line asks the token route for one token (it
 * counts on the route's limits like any other), the API line reads the price list.
 */
import { DEFAULT_API_URL } from '../internal/constants.js';
import { blockedByCsp, mixedContent, watchConnectSrc } from '../platform/blocked.js';
import { absoluteUrl, isHttpUrl } from '../platform/http.js';
import { MIN_RATE, shortModelName } from '../platform/pricing.js';
import { autoplay, frame, secure, storage, webrtc } from './page-checks.js';
import type { Check } from './check.js';

export type { Check, CheckLevel } from './check.js';

/** What the checklist needs to know of the `<reactor-session>` it checks. */
export interface DebugTarget {
  readonly model: string;
  readonly tokenUrl: string;
  /** The element's own `api-url` (empty: the page's, else production). */
  readonly apiUrl: string;
  /** A `tokenProvider` or `token` property set by the page's script. */
  readonly scripted: boolean;
}

/** Every line, in the order an owner fixes them: the page, then the routes. */
export async function runChecks(target: DebugTarget): Promise<Check[]> {
  watchConnectSrc();
  const [token, api] = await Promise.all([tokenRoute(target), apiRoute(target)]);
  return [frame(), secure(), webrtc(), token, api, await storage(), autoplay()];
}

/** The API origin the element uses: its own, the page's meta, another element's, production. */
export function apiOrigin(own: string): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="reactor-api-url"]')?.content;
  const page = (globalThis as { [k: symbol]: { store?: { namedApiUrl?: string } } | undefined })[
    Symbol.for('reactor-elements.document-store')
  ]?.store?.namedApiUrl;
  return (own.trim() || meta?.trim() || page || DEFAULT_API_URL).replace(/\/+$/, '');
}

const TIMEOUT_MS = 10_000;

/** A fetch that says why it failed the way an owner can act on. */
async function ask(url: string, init: RequestInit): Promise<Response | string> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    const origin = new URL(url).origin;
    if (await blockedByCsp(origin))
      return `The page's Content-Security-Policy blocks ${origin}: add it to connect-src.`;
    const mixed = mixedContent(url);
    if (mixed) return mixed;
    if (error instanceof DOMException && error.name === 'TimeoutError')
      return `${origin} did not answer within ${TIMEOUT_MS / 1000} s.`;
    if (origin !== location.origin)
      return `No readable answer from ${origin}: most likely CORS. The route must allow this page's origin, ${location.origin} (allowedOrigins, or REACTOR_ALLOWED_ORIGINS in the templates).`;
    return `Could not reach ${url} (${error instanceof Error ? error.message : String(error)}).`;
  }
}

async function bodyOf(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text()) as unknown;
  } catch {
    return undefined;
  }
}

const LABEL_TOKEN = 'Token route';

async function tokenRoute({ tokenUrl, scripted }: DebugTarget): Promise<Check> {
  const label = LABEL_TOKEN;
  if (scripted)
    return { label, level: 'info', detail: 'The page sets tokenProvider (or token): not checked.' };
  if (!tokenUrl.trim())
    return {
      label,
      level: 'fail',
      detail: 'No token-url.',
      fix: 'Deploy a token route (one of the templates) and set token-url to its URL.',
    };
  if (!isHttpUrl(tokenUrl, location.href))
    return {
      label,
      level: 'fail',
      detail: `token-url "${tokenUrl.split(',')[0]}" is not an http(s) URL.`,
      fix: 'Set token-url to the https URL of your token route.',
    };
  const url = absoluteUrl(tokenUrl);
  const answer = await ask(url, { credentials: 'same-origin', cache: 'no-store' });
  if (typeof answer === 'string')
    return { label, level: 'fail', detail: answer, fix: fixFor(answer, 'token route') };
  const body = (await bodyOf(answer)) as { jwt?: unknown; expires_at?: unknown; message?: unknown };
  const said = typeof body?.message === 'string' ? ` ("${body.message}")` : '';
  if (answer.status === 403)
    return {
      label,
      level: 'fail',
      detail: `${url} refused this page (403)${said}.`,
      fix: `Add ${location.origin} to the route's allowed origins (a builder's preview has its own origin: add it too).`,
    };
  if (answer.status === 404)
    return {
      label,
      level: 'fail',
      detail: `Nothing at ${url} (404).`,
      fix: 'Check the path of token-url, and that the token route is deployed.',
    };
  if (answer.status === 429)
    return {
      label,
      level: 'warn',
      detail: `${url} answers, but its limit is reached right now (429)${said}.`,
    };
  if (!answer.ok)
    return {
      label,
      level: 'fail',
      detail: `${url} answered ${answer.status}${said}.`,
      fix: 'Read the route\u2019s logs; with the templates, check REACTOR_API_KEY and the models.',
    };
  if (typeof body?.jwt !== 'string' || typeof body.expires_at !== 'number')
    return {
      label,
      level: 'fail',
      detail: `${url} answered, but not {jwt, expires_at}.`,
      fix: 'token-url must point at the token route itself, not at a page of the site.',
    };
  if (/^rk_/i.test(body.jwt))
    return {
      label,
      level: 'fail',
      detail: `${url} answers a Reactor API key, not a session token.`,
      fix: 'Rotate the key now, and answer tokens from the token broker instead.',
    };
  const left = Math.round(body.expires_at - Date.now() / 1000);
  return {
    label,
    level: 'ok',
    detail: `${url} answers a session token (valid ${left} s more). This check used one.`,
  };
}

async function apiRoute({ apiUrl, model }: DebugTarget): Promise<Check> {
  const label = 'Reactor API';
  const origin = apiOrigin(apiUrl);
  if (!isHttpUrl(origin))
    return {
      label,
      level: 'fail',
      detail: `api-url "${origin}" is not an absolute URL.`,
      fix: 'Remove api-url (the default is Reactor\u2019s), or give a full https URL.',
    };
  const answer = await ask(`${origin}/pricing`, { credentials: 'omit', cache: 'no-store' });
  if (typeof answer === 'string')
    return { label, level: 'fail', detail: answer, fix: fixFor(answer, 'API') };
  const doc = (await bodyOf(answer)) as {
    models?: { name?: unknown; rate?: { amount_per_sec?: unknown } }[];
  };
  if (!answer.ok || !doc)
    return { label, level: 'fail', detail: `${origin}/pricing answered ${answer.status}.` };
  const priced = (Array.isArray(doc.models) ? doc.models : []).filter(
    (m) => typeof m?.rate?.amount_per_sec === 'number' && m.rate.amount_per_sec >= MIN_RATE,
  );
  const wanted = shortModelName(model).toLowerCase();
  const price = priced.find((m) => shortModelName(String(m.name)).toLowerCase() === wanted);
  if (!price)
    return {
      label,
      level: 'fail',
      detail: `${origin} answers, but model "${model}" has no price there (priced: ${priced.map((m) => shortModelName(String(m.name))).join(', ') || 'none'}).`,
      fix: 'Check the spelling of the model attribute.',
    };
  return {
    label,
    level: 'ok',
    detail: `${origin} answers; ${wanted} costs ${String(price.rate?.amount_per_sec)} credits a second.`,
  };
}

/** The fix for a failed request, from the reason `ask` gave. */
function fixFor(reason: string, route: 'token route' | 'API'): string {
  if (reason.includes('Content-Security-Policy'))
    return 'Add the origin to the connect-src of the page\u2019s Content-Security-Policy.';
  if (reason.includes('mixed content')) return 'Use the https URL.';
  if (reason.includes('CORS'))
    return route === 'API'
      ? 'Check api-url: the Reactor API answers every origin.'
      : `Allow ${location.origin} on the token route; in a builder, its preview origins too.`;
  return 'Check the URL, and that the route is up.';
}
