/**
 * The snippet page: the owner's choices (model, limits, budget, visitor controls, language,
 * colour, token route, builder) in a form; a live preview of the elements against the platform (the emulator under
 * `npm start`) that follows every change; the worst case per visitor session; the snippet with
 * one Copy; and where it goes in the chosen builder.
 */
import { BUILDERS } from './builders.js';
import {
  DEFAULTS,
  type Pins,
  type SnippetOptions,
  escapeHtml as text,
  snippet,
  tags,
  worstCase,
} from './snippet.js';

export interface SnippetPageOptions {
  /** The API origin of the preview (the emulator's in development). */
  apiUrl: string;
  /** The token route of the preview (the owner's may not be deployed yet). */
  previewTokenUrl: string;
  /** The exact version and each file's hash for the CDN lines (`pins.json`). */
  pins: Pins;
  /** Put in the snippet too (only for a snippet meant for the emulator). */
  snippetApiUrl?: string;
  /** The URL of a language's script (the preview loads it when that language is picked). */
  localeScript?: (lang: string) => string;
  /** The URL of the checklist's script (the preview loads it when the checklist is asked for). */
  debugScript?: string;
}

interface PriceList {
  models: { name: string; creditsPerSecond: number }[];
  creditsPerDollar: number;
}

const FORM = `
<form class="choices">
  <label>Model <select name="model"><option value="helios">helios</option></select></label>
  <label>Your token route <input name="tokenUrl" type="url" placeholder="https://reactor-token.you.workers.dev/api/reactor-token"></label>
  <label>Longest session (seconds) <input name="maxDuration" type="number" min="1" max="1200" value="${DEFAULTS.maxDuration}"></label>
  <label>Idle timeout (seconds, 0: off) <input name="idleTimeout" type="number" min="0" value="${DEFAULTS.idleTimeout}"></label>
  <label>Budget per session (credits, 0: none) <input name="maxCost" type="number" min="0" value="0"></label>
  <label>Language <select name="lang"><option value="en">English</option><option value="de">Deutsch</option></select></label>
  <label>Accent colour <input name="accent" type="color" value="${DEFAULTS.accent}"></label>
  <label class="check"><input name="controls" type="checkbox" checked> <span>Controls for visitors (a prompt box, buttons, a direction pad, an image picker: whatever the model takes), with a snapshot and full screen</span></label>
  <label class="check"><input name="debug" type="checkbox"> <span>Setup checklist (debug) in the player: while you set it up; remove it once all is green</span></label>
  <label>Your builder <select name="builder">${Object.entries(BUILDERS)
    .map(([key, b]) => `<option value="${key}">${b.name}</option>`)
    .join('')}</select></label>
</form>
<p class="worst" aria-live="polite"></p>
<div class="snippet">
  <pre><code class="snippet-code"></code></pre>
  <button type="button" class="copy">Copy</button> <span class="copied" role="status"></span>
</div>
<p class="self-host">The script lines name the exact version and the file's hash
(<code>integrity</code>): the browser runs that released file or nothing. To serve it from your own
site instead, copy <code>dist/reactor-elements.iife.js</code> from the package to your server and
point <code>src</code> at it: the same file, so keep the same <code>integrity</code>.</p>
<section class="builder-help" aria-live="polite"></section>
<h2>Preview</h2>
<div class="preview"></div>
<reactor-pricing class="price-source" api-url="{API}" hidden></reactor-pricing>`;

/** Builds the page inside `root`; resolves once the first preview is on the page. */
export function mountSnippetPage(root: HTMLElement, page: SnippetPageOptions): void {
  root.innerHTML = FORM.replace('{API}', text(page.apiUrl));
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const form = $<HTMLFormElement>('form');
  const source = $<HTMLElement>('.price-source');
  let prices: PriceList | null = null;
  let previewKey = '';
  const loaded = new Set<string>(['en']);
  /** Adds a script the preview needs (a language, the checklist), once. */
  const load = (name: string, src: string) => {
    loaded.add(name);
    const script = document.createElement('script');
    script.src = src;
    document.head.append(script);
  };

  const choices = (): SnippetOptions & { builder: string } => {
    const data = new FormData(form);
    // A plain decimal, else the default: a blank box (which Number() reads as 0, idle detection
    // off) or "-0" must not turn a safeguard off in the copied snippet.
    const number = (name: string, fallback: number) => {
      const text = String(data.get(name) ?? '').trim();
      return /^\d+(\.\d+)?$/.test(text) ? Number(text) : fallback;
    };
    return {
      model: String(data.get('model') || DEFAULTS.model),
      tokenUrl: String(data.get('tokenUrl') ?? ''),
      maxDuration: number('maxDuration', DEFAULTS.maxDuration) || DEFAULTS.maxDuration,
      idleTimeout: number('idleTimeout', DEFAULTS.idleTimeout),
      maxCost: number('maxCost', 0),
      lang: String(data.get('lang') || 'en'),
      accent: String(data.get('accent') || DEFAULTS.accent),
      builder: String(data.get('builder') || 'html'),
      debug: data.get('debug') === 'on',
      controls: data.get('controls') === 'on',
      pins: page.pins,
      apiUrl: page.snippetApiUrl,
    };
  };

  const render = () => {
    const o = choices();
    $('.snippet-code').textContent = snippet(o);
    const rate = prices?.models.find((m) => m.name === o.model)?.creditsPerSecond ?? null;
    const worst = worstCase(o, rate, prices?.creditsPerDollar ?? null);
    $('.worst').textContent = worst
      ? `At most ${Math.round(worst.credits).toLocaleString('en')} credits ($${worst.usd.toFixed(2)}) per visitor session.`
      : 'Loading the price…';
    const b = BUILDERS[o.builder] ?? BUILDERS.html!;
    $('.builder-help').innerHTML = `<h2>In ${text(b.name)}</h2><ul>
      <li>The script: ${text(b.script)}.</li>
      <li>The tags: ${text(b.tags)}.</li>
      <li>Plan: ${text(b.plan)}.</li>
      <li>Allow on your token route: your domain${b.origins.map((o) => `, <code>${text(o)}</code>`).join('')}.</li>
      <li>${text(b.note)}</li></ul>`;
    if (o.lang !== 'en' && !loaded.has(o.lang) && page.localeScript)
      load(o.lang, page.localeScript(o.lang));
    if (o.debug && !loaded.has('debug') && page.debugScript) load('debug', page.debugScript);
    // The preview: the same tags against the preview's platform and token route. Replacing the
    // tags removes the old player, which ends its session.
    const preview = tags({ ...o, apiUrl: page.apiUrl, tokenUrl: page.previewTokenUrl });
    if (preview !== previewKey) {
      previewKey = preview;
      $('.preview').innerHTML = preview;
    }
  };

  source.addEventListener('reactor-pricing-load', (event) => {
    prices = (event as CustomEvent<{ pricing: PriceList }>).detail.pricing;
    const select = $<HTMLSelectElement>('select[name="model"]');
    const chosen = select.value;
    select.innerHTML = prices.models
      .map((m) => `<option value="${text(m.name)}">${text(m.name)}</option>`)
      .join('');
    select.value = prices.models.some((m) => m.name === chosen) ? chosen : prices.models[0]!.name;
    render();
  });
  form.addEventListener('input', render);
  form.addEventListener('change', render);
  $('.copy').addEventListener('click', () => void copy($('.snippet-code').textContent ?? '', root));
  render();
}

/** Copies `value`; where the clipboard is refused, selects it and says how to copy. */
async function copy(value: string, root: HTMLElement): Promise<void> {
  const said = root.querySelector('.copied')!;
  try {
    await navigator.clipboard.writeText(value);
    said.textContent = 'Copied.';
  } catch {
    const range = document.createRange();
    range.selectNodeContents(root.querySelector('.snippet-code')!);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    said.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
  }
}
