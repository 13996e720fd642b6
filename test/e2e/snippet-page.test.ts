/**
 * The snippet page (demo/snippet.html under `npm start`): the owner's choices change the snippet,
 * the worst case and the live preview at once; the snippet, copied and pasted into a plain page
 * on another origin, runs a session there, ended by the client (the ledger says so).
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { ReactorSession } from '../../src/index.js';
import { mountSnippetPage } from '../../demo/snippet/page.js';
import type { Pins } from '../../demo/snippet/snippet.js';
import { PASTE_PAGE } from '../support/builder-pages.js';
import { aWholeSession, bundleBuilt, embed, otherOrigin } from '../helpers/builders.js';
import { emulatorUrl, resetEmulator, waitFor } from '../helpers/emulator.js';

/** The pins the snippet page reads (`npm run pin` writes them). */
const pinsOnce: Promise<Pins> = fetch(
  new URL('../../demo/snippet/pins.json', import.meta.url),
).then((r) => r.json() as Promise<Pins>);

async function page(root: HTMLElement) {
  const api = await emulatorUrl();
  const pins = await pinsOnce;
  mountSnippetPage(root, {
    apiUrl: api,
    previewTokenUrl: `${api}/api/reactor-token`,
    pins,
    snippetApiUrl: api,
    localeScript: (lang) => `/__dist/reactor-elements.${lang}.js`,
    debugScript: '/__dist/reactor-elements.debug.js',
  });
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const set = (name: string, value: string) => {
    const field = $<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`);
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const worst = () => $('.worst').textContent!;
  const code = () => $('.snippet-code').textContent!;
  await waitFor(() => worst().startsWith('At most'), 'the worst case from /pricing');
  return { api, $, set, worst, code };
}

describe('the snippet page', function () {
  this.timeout(60_000);
  before(async function () {
    this.timeout(120_000);
    await bundleBuilt();
  });
  let root: HTMLElement;
  beforeEach(async () => {
    await resetEmulator({ gpuDelayMs: 50 });
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => root.remove());

  it('reads a blank or "-0" idle timeout as the default (60), never as off; 0 is off', async () => {
    const { set, code } = await page(root);
    for (const [typed, written] of [
      ['', '60'],
      ['-0', '60'],
      ['0', '0'],
      ['45', '45'],
    ]) {
      set('idleTimeout', typed);
      expect(code(), typed).to.contain(`idle-timeout="${written}"`);
    }
  });

  it('pins every script line to the exact version and its file’s hash, and says how to self-host', async () => {
    const p = await page(root);
    const pins = await pinsOnce;
    expect(pins.version).to.match(/^\d+\.\d+\.\d+/);
    p.set('lang', 'de');
    p.$<HTMLInputElement>('[name="debug"]').click();
    const lines = p.code().match(/<script [^>]*><\/script>/g)!;
    expect(lines.map((line) => line.match(/dist\/([a-z.-]+\.js)/)![1])).to.deep.equal([
      'reactor-elements.iife.js',
      'reactor-elements.de.js',
      'reactor-elements.debug.js',
    ]);
    for (const line of lines) {
      const file = line.match(/dist\/([a-z.-]+\.js)/)![1]!;
      expect(line).to.equal(
        `<script src="https://cdn.jsdelivr.net/npm/reactor-elements@${pins.version}/dist/${file}" integrity="${pins.integrity[file]}" crossorigin="anonymous"></script>`,
      );
    }
    expect(p.$('.self-host').textContent!.replace(/\s+/g, ' ')).to.contain(
      'copy dist/reactor-elements.iife.js from the package to your server and point src at it: the same file, so keep the same integrity.',
    );
  });

  it('follows each choice: the snippet, the worst case per visitor, the preview, the builder', async () => {
    const p = await page(root);
    expect(p.worst()).to.equal('At most 5,100 credits ($0.51) per visitor session.');
    expect(p.code()).to.contain('model="helios"').and.contain('max-duration="300"');
    expect(p.code()).to.contain('<div style="display:grid'); // visible before the script runs
    p.set('maxDuration', '120');
    expect(p.code()).to.contain('max-duration="120"');
    expect(p.worst()).to.equal('At most 2,040 credits ($0.20) per visitor session.');
    const player = p.$<ReactorSession>('.preview reactor-session');
    expect(player.maxDuration).to.equal(120);
    p.set('maxCost', '1000');
    expect(p.code()).to.contain('max-cost="1000"');
    expect(p.worst()).to.equal('At most 1,000 credits ($0.10) per visitor session.');
    p.set('model', 'lingbot');
    expect(p.code()).to.contain('model="lingbot"');
    p.set('builder', 'wix');
    expect(p.$('.builder-help').textContent).to.contain('filesusr.com');
    p.set('lang', 'de');
    expect(p.code()).to.contain('reactor-elements.de.js');
    // The setup checklist: in the snippet (the attribute and its script) and in the preview.
    const debug = p.$<HTMLInputElement>('[name="debug"]');
    debug.click();
    expect(p.code())
      .to.contain('reactor-elements.debug.js')
      .and.match(/ debug api-url=/);
    await waitFor(
      () => p.$('.preview reactor-session').shadowRoot!.querySelector('reactor-debug')?.shadowRoot,
      'the checklist in the preview',
    );
    debug.click();
    expect(p.code()).not.to.contain('debug');
    // Visitor controls: on by default, in the snippet and the preview; off, gone from both.
    expect(p.code()).to.match(/ controls[ >]/);
    expect(p.$<ReactorSession>('.preview reactor-session').controls).to.equal('');
    p.$<HTMLInputElement>('[name="controls"]').click();
    expect(p.code()).not.to.match(/ controls[ >]/);
    expect(p.$<ReactorSession>('.preview reactor-session').controls).to.equal(null);
    p.set('tokenUrl', 'https://reactor-token.example.workers.dev/api/reactor-token');
    expect(p.code()).to.contain(
      'token-url="https://reactor-token.example.workers.dev/api/reactor-token"',
    );
  });

  it('the copied snippet, pasted into a plain page on another origin, runs a session', async () => {
    const p = await page(root);
    p.set('tokenUrl', `${p.api}/api/reactor-token`);
    p.set('idleTimeout', '0');
    p.$<HTMLButtonElement>('.copy').click();
    await waitFor(() => p.$('.copied').textContent, 'the copy to be said');
    // The CDN's file is this build's, served by the test server on the other origin.
    const origin = otherOrigin();
    const pasted = p.code().replace(/https:\/\/cdn\.[^"]+\/dist\//g, `${origin}/__dist/`);
    const e = await embed({ src: `${origin}${PASTE_PAGE}?html=${encodeURIComponent(pasted)}` });
    const live = await aWholeSession(e, 'snippet page: the copied snippet on a plain page');
    expect(live.price).to.match(/^helios/);
  });
});
