/**
 * The snippet a site owner pastes: the script tag (the package on a CDN) and the three tags
 * with their settings, each with visible fallback content that shows until the script runs
 * (and in a builder's editor, which runs no script). Pure functions of the owner's choices.
 */

export interface SnippetOptions {
  model: string;
  tokenUrl: string;
  maxDuration: number;
  idleTimeout: number;
  /** Credits; 0: no budget. */
  maxCost: number;
  lang: string;
  accent: string;
  /** Where the API is (only the local emulator needs it; the platform is the default). */
  apiUrl?: string;
  /** The exact version in the CDN URL and each file's `integrity` (`pins.json`). */
  pins: Pins;
  /** The owner's setup checklist: `debug` on the player, and its script after the bundle. */
  debug?: boolean;
  /** Visitors steer the model with controls built from its contract (`controls`). */
  controls?: boolean;
}

/** The released files: the exact version and the `sha384` of each (`npm run pin`). */
export interface Pins {
  version: string;
  integrity: Record<string, string>;
}

export const DEFAULTS: Omit<SnippetOptions, 'pins'> = {
  model: 'helios',
  tokenUrl: '',
  maxDuration: 300,
  idleTimeout: 60,
  maxCost: 0,
  lang: 'en',
  accent: '#3b5bdb',
};

/** Text or an attribute value as HTML. */
export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Where the package's files are: a public CDN that serves npm packages, at the exact version. */
const cdn = (version: string, file: string) =>
  `https://cdn.jsdelivr.net/npm/reactor-elements@${version}/dist/${file}`;

/**
 * The script tag (the classic bundle), then the language's script when not English, then the
 * setup checklist's script with `debug`: each pinned to the released file by its hash, so a page
 * runs that file or nothing.
 */
export function scriptTag(pins: Pins, lang = 'en', debug = false): string {
  const files = [
    'reactor-elements.iife.js',
    ...(lang === 'en' ? [] : [`reactor-elements.${lang}.js`]),
    ...(debug ? ['reactor-elements.debug.js'] : []),
  ];
  return files
    .map((file) => {
      const integrity = pins.integrity[file];
      const pin = integrity ? ` integrity="${integrity}" crossorigin="anonymous"` : '';
      return `<script src="${cdn(pins.version, file)}"${pin}></script>`;
    })
    .join('\n');
}

/** The element tags, with attributes in `o` and fallback content. */
export function tags(o: SnippetOptions): string {
  const model = escapeHtml(o.model.trim());
  const api = o.apiUrl ? ` api-url="${escapeHtml(o.apiUrl)}"` : '';
  const lang = o.lang && o.lang !== 'en' ? ` lang="${escapeHtml(o.lang)}"` : '';
  const style = ` style="--reactor-accent: ${escapeHtml(o.accent)}"`;
  const session = [
    `model="${model}"`,
    `token-url="${escapeHtml(o.tokenUrl.trim() || 'https://YOUR-TOKEN-ROUTE/api/reactor-token')}"`,
    `max-duration="${o.maxDuration}"`,
    `idle-timeout="${o.idleTimeout}"`,
    ...(o.maxCost > 0 ? [`max-cost="${o.maxCost}"`] : []),
    ...(o.controls ? ['controls'] : []),
    ...(o.debug ? ['debug'] : []),
  ].join(' ');
  const box =
    'display:grid;place-items:center;aspect-ratio:16/9;background:#101216;color:#e9ecef;border-radius:8px;font-family:system-ui,sans-serif';
  return [
    `<div${lang}>`,
    `  <reactor-pricing model="${model}"${api}${style}><span>${model}: live prices</span></reactor-pricing>`,
    `  <reactor-session ${session}${api}${style}>`,
    `    <div style="${box}">${model} · live session</div>`,
    `  </reactor-session>`,
    `</div>`,
  ].join('\n');
}

/** The whole snippet: the script tag, then the tags. */
export const snippet = (o: SnippetOptions) => `${scriptTag(o.pins, o.lang, o.debug)}\n${tags(o)}`;

/**
 * The most one visitor's session can cost: `max-duration` at the model's rate, or `max-cost`
 * when it is lower. Null while the rate is unknown.
 */
export function worstCase(
  o: Pick<SnippetOptions, 'maxDuration' | 'maxCost'>,
  creditsPerSecond: number | null,
  creditsPerDollar: number | null,
): { credits: number; usd: number } | null {
  if (!creditsPerSecond || !creditsPerDollar) return null;
  const byTime = Math.min(1200, Math.max(1, o.maxDuration)) * creditsPerSecond;
  const credits = o.maxCost > 0 ? Math.min(o.maxCost, byTime) : byTime;
  return { credits, usd: credits / creditsPerDollar };
}
