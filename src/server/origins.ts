/**
 * The page origins allowed to ask for tokens: exact origins (`https://example.com`), and
 * wildcard subdomains for a builder's preview and live domains (`https://*.webflow.io` matches
 * `https://my-site.webflow.io` and `https://a.b.webflow.io`, never `https://webflow.io` itself,
 * `https://webflow.io.evil.example`, another scheme or another port).
 */

export interface OriginMatcher {
  has(origin: string): boolean;
  /** Wildcards over a domain that many sites share (every Webflow site is a `*.webflow.io`). */
  readonly shared: string[];
}

/**
 * Domains where every customer of a builder or host has a subdomain: a wildcard over one of them
 * lets every other site there ask for tokens on your account.
 */
const SHARED_SUFFIXES = [
  '.webflow.io',
  '.canvas.webflow.com',
  '.filesusr.com',
  '.wixsite.com',
  '.framer.app',
  '.framer.website',
  '.squarespace.com',
  '.carrd.co',
  '.myshopify.com',
  '.ghost.io',
  '.wordpress.com',
  '.github.io',
  '.vercel.app',
  '.netlify.app',
  '.pages.dev',
  '.workers.dev',
  '.deno.dev',
];

interface Wildcard {
  protocol: string;
  /** `.webflow.io`: what a matching host ends with. */
  suffix: string;
  port: string;
}

const WILDCARD = /^([a-z][a-z0-9+.-]*:)\/\/\*\.([^/*]+)$/i;

/** A matcher of `list`; throws a clear error for an entry that is neither an origin nor a wildcard. */
export function originMatcher(list: readonly string[]): OriginMatcher {
  const exact = new Set<string>();
  const wildcards: Wildcard[] = [];
  for (const entry of list) {
    const text = entry.trim().replace(/\/+$/, '');
    const wild = WILDCARD.exec(text);
    if (wild) wildcards.push(wildcardOf(entry, wild[1]!, wild[2]!));
    else exact.add(exactOrigin(entry, text));
  }
  return {
    shared: wildcards
      .filter((w) => SHARED_SUFFIXES.includes(w.suffix))
      .map((w) => `${w.protocol}//*${w.suffix}`),
    has(origin) {
      if (exact.has(origin)) return true;
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        return false;
      }
      // An origin has nothing after its host and port.
      if (url.origin !== origin) return false;
      return wildcards.some(
        (w) =>
          url.protocol === w.protocol &&
          url.port === w.port &&
          url.hostname.endsWith(w.suffix) &&
          url.hostname.length > w.suffix.length,
      );
    },
  };
}

function exactOrigin(entry: string, text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(
      `createTokenHandler: allowedOrigins entry ${JSON.stringify(entry)} is not an origin (https://example.com, or https://*.example.com for its subdomains).`,
    );
  }
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  if (text.includes('*') || url.origin === 'null' || !bare || /[?#]/.test(text))
    throw new Error(
      `createTokenHandler: allowedOrigins entry ${JSON.stringify(entry)} is not an origin: give the scheme and host only, e.g. ${url.origin === 'null' ? 'https://example.com' : url.origin} (a * may only stand for subdomains: https://*.example.com).`,
    );
  return url.origin;
}

function wildcardOf(entry: string, protocol: string, rest: string): Wildcard {
  // What follows `*.` must be a host (with an optional port) of at least two labels: `*.io` or
  // `*.com` would let any site of that top-level domain ask for tokens.
  let url: URL | null = null;
  try {
    url = new URL(`${protocol}//x.${rest}`);
  } catch {
    /* not a host: refused below */
  }
  const suffix = url?.hostname.slice(1) ?? '';
  if (
    !url ||
    url.origin !== `${protocol.toLowerCase()}//x.${rest.toLowerCase()}` ||
    suffix.split('.').length < 3
  )
    throw new Error(
      `createTokenHandler: allowedOrigins entry ${JSON.stringify(entry)} is not a wildcard this broker accepts: use https://*.example.com (a * for the subdomains of a domain of at least two labels).`,
    );
  return { protocol: url.protocol, suffix, port: url.port };
}
