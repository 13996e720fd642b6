/**
 * The owner's setup checklist, apart from how it looks: what this page, its frame, its token
 * route and the Reactor API allow, each line with the fix when it fails. For `<reactor-session
 * debug>`, where a site owner cannot open a console (a builder's preview, a visitor's phone).
 * The network lines ask the real routes: the token line asks the token route for one token (it
 * counts on the route's limits like any other), the API line reads the price list.
 */
import { apiUrlFor } from '../internal/api-url.js';
import { blockedByCsp, mixedContent, watchConnectSrc } from '../platform/blocked.js';
import { type PlatformError, messageOf } from '../platform/errors.js';
import { maskSecrets } from '../internal/secrets.js';
import {
  type TokenReply,
  checkSessionLease,
  readTokenReply,
  refuseApiKey,
} from '../platform/tokens.js';
import { absoluteUrl, isHttpUrl } from '../platform/http.js';
import { type Pricing, findModel, parsePricing } from '../platform/pricing.js';
import { autoplay, frame, secure, storage, webrtc } from './page-checks.js';
import { documentStore } from '../store/store-consumer.js';
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

/** The API origin the element uses (the same rule as the elements: see `apiUrlFor`). */
const apiOrigin = (own: string) => apiUrlFor(own, documentStore()).replace(/\/+$/, '');

const TIMEOUT_MS = 10_000;

/** Why a request failed, and what to change. */
interface Failure {
  detail: string;
  fix: string;
}

/**
 * A fetch that says why it failed the way an owner can act on: the page's CSP, mixed content,
 * a timeout, CORS (`corsFix`: what the route at the other origin must allow), or no answer.
 */
async function ask(url: string, init: RequestInit, corsFix: string): Promise<Response | Failure> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    const origin = new URL(url).origin;
    if (await blockedByCsp(origin))
      return {
        detail: `The page's Content-Security-Policy blocks ${origin}: add it to connect-src.`,
        fix: 'Add the origin to the connect-src of the page\u2019s Content-Security-Policy.',
      };
    const mixed = mixedContent(url);
    if (mixed) return { detail: mixed, fix: 'Use the https URL.' };
    if (error instanceof DOMException && error.name === 'TimeoutError')
      return {
        detail: `${origin} did not answer within ${TIMEOUT_MS / 1000} s.`,
        fix: 'Check that the route is up.',
      };
    if (origin !== location.origin)
      return {
        detail: `No readable answer from ${origin}: most likely CORS. The route must allow this page's origin, ${location.origin} (allowedOrigins, or REACTOR_ALLOWED_ORIGINS in the templates).`,
        fix: corsFix,
      };
    return {
      detail: `Could not reach ${url} (${messageOf(error)}).`,
      fix: 'Check the URL, and that the route is up.',
    };
  }
}

async function bodyOf(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text()) as unknown;
  } catch {
    return undefined;
  }
}

async function tokenRoute({ tokenUrl, scripted }: DebugTarget): Promise<Check> {
  const label = 'Token route';
  if (scripted)
    return { label, level: 'info', detail: 'The page sets tokenProvider (or token): not checked.' };
  if (!tokenUrl.trim())
    return {
      label,
      level: 'fail',
      detail: 'No token-url.',
      fix: 'Deploy a token route (one of the templates) and set token-url to its URL.',
    };
  try {
    refuseApiKey(tokenUrl, 'token-url');
  } catch (error) {
    return {
      label,
      level: 'fail',
      detail: messageOf(error),
      fix: 'Rotate the key now (every visitor could copy it), deploy a token route and set token-url to its URL.',
    };
  }
  if (!isHttpUrl(tokenUrl, location.href))
    return {
      label,
      level: 'fail',
      detail: `token-url "${tokenUrl.split(',')[0]}" is not an http(s) URL.`,
      fix: 'Set token-url to the https URL of your token route.',
    };
  const url = absoluteUrl(tokenUrl);
  const answer = await ask(
    url,
    { credentials: 'same-origin', cache: 'no-store' },
    `Allow ${location.origin} on the token route; in a builder, its preview origins too.`,
  );
  if (!(answer instanceof Response)) return { label, level: 'fail', ...answer };
  const body = (await bodyOf(answer)) as { jwt?: unknown; expires_at?: unknown; message?: unknown };
  // The route's own words, bounded and with any secret masked (a misconfigured route may quote
  // its key).
  const said =
    typeof body?.message === 'string' ? ` ("${maskSecrets(body.message).slice(0, 200)}")` : '';
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
  if (!body || typeof body !== 'object' || !('jwt' in body || 'token' in body))
    return {
      label,
      level: 'fail',
      detail: `${url} answered, but not {jwt, expires_at}.`,
      fix: 'token-url must point at the token route itself, not at a page of the site.',
    };
  // The element's own rules: what passes here is what a session accepts.
  let left: number;
  try {
    const { jwt, expiresAt } = readTokenReply(body as TokenReply);
    checkSessionLease({ jwt, expiresAt: expiresAt === null ? null : expiresAt * 1000 });
    left = expiresAt === null ? NaN : Math.round(expiresAt - Date.now() / 1000);
  } catch (error) {
    const key = (error as PlatformError).code === 'forbidden';
    return {
      label,
      level: 'fail',
      detail: `${url}: ${messageOf(error)}`,
      fix: key
        ? 'Rotate the key now (every visitor could copy it), and answer tokens from the token broker instead.'
        : 'Fix the token route: it must answer {jwt, expires_at}, expires_at in epoch seconds, far enough ahead for a session (the templates do).',
    };
  }
  return {
    label,
    level: 'ok',
    detail: `${url} answers a session token (${Number.isNaN(left) ? 'its expiry unknown' : `valid ${left} s more`}). This check used one.`,
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
  const answer = await ask(
    `${origin}/pricing`,
    { credentials: 'omit', cache: 'no-store' },
    'Check api-url: the Reactor API answers every origin.',
  );
  if (!(answer instanceof Response)) return { label, level: 'fail', ...answer };
  if (!answer.ok)
    return { label, level: 'fail', detail: `${origin}/pricing answered ${answer.status}.` };
  // The elements' own reading of the price list (a rate too small to bound a budget is none).
  let pricing: Pricing;
  try {
    pricing = parsePricing(await bodyOf(answer));
  } catch (error) {
    return { label, level: 'fail', detail: `${origin}/pricing: ${messageOf(error)}` };
  }
  const price = findModel(pricing, model);
  if (!price)
    return {
      label,
      level: 'fail',
      detail: `${origin} answers, but model "${model}" has no price there (priced: ${pricing.models.map((m) => m.name).join(', ') || 'none'}).`,
      fix: 'Check the spelling of the model attribute.',
    };
  return {
    label,
    level: 'ok',
    detail: `${origin} answers; ${price.name} costs ${price.creditsPerSecond} credits a second.`,
  };
}
