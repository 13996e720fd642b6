import { expect } from '@open-wc/testing';
import { emulatorUrl, resetEmulator } from '../helpers/emulator.js';
import { messageFrom } from '../helpers/frames.js';

interface Seen {
  pricingRequests: string[];
  rows: number;
  estimate: string;
  balance: string;
  error?: string;
}

/**
 * A no-code page: the markup is pasted, the API origin is said once (or not at all), and the
 * elements must agree on it. Reports which `/pricing` origins were asked and what rendered.
 */
async function page(head: string, body: string): Promise<Seen> {
  const frame = document.createElement('iframe');
  const seen = messageFrom<Seen>(frame, 'pricingRequests');
  frame.srcdoc = `<head>${head}</head><body>${body}
    <script type="module">
      const pricingRequests = [];
      const original = window.fetch;
      window.fetch = (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        if (url.endsWith('/pricing')) pricingRequests.push(new URL(url).origin);
        return original(input, init);
      };
      await import('${location.origin}/src/index.ts');
      const part = (tag, name) => document.querySelector(tag)?.shadowRoot?.querySelector('[part~="' + name + '"]');
      const text = (tag, name) => (part(tag, name)?.textContent || '').replace(/\\s+/g, ' ').trim();
      for (let i = 0; i < 100; i++) {
        const done = text('reactor-session', 'cost').includes('credits') && text('reactor-balance', 'money').includes('$');
        if (done || text('reactor-pricing', 'error')) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      parent.postMessage({
        pricingRequests,
        rows: document.querySelector('reactor-pricing')?.shadowRoot.querySelectorAll('[part~="row"]').length ?? 0,
        estimate: text('reactor-session', 'cost'),
        balance: text('reactor-balance', 'money'),
        error: text('reactor-pricing', 'error') || undefined,
      }, '*');
    </script></body>`;
  document.body.append(frame);
  try {
    return await seen;
  } finally {
    frame.remove();
  }
}

describe('page-wide defaults (no-code pages)', function () {
  this.timeout(20_000);
  beforeEach(() => resetEmulator());

  it('one <meta name="reactor-api-url"> points every element at the same origin: one price request', async () => {
    const url = await emulatorUrl();
    const seen = await page(
      `<meta name="reactor-api-url" content="${url}">`,
      `<reactor-pricing></reactor-pricing>
       <reactor-session model="helios" token-url="${url}/api/reactor-token"></reactor-session>
       <reactor-balance src="${url}/api/reactor-balance" refresh="0"></reactor-balance>`,
    );
    expect(seen.pricingRequests).to.deep.equal([new URL(url).origin]);
    expect(seen.rows).to.equal(2);
    expect(seen.estimate).to.contain('5,100 credits');
    expect(seen.balance).to.equal('≈ $100.00');
  });

  it('without a meta, elements without api-url use the origin a sibling names, wherever it stands', async () => {
    const url = await emulatorUrl();
    // The balance and the table come first and name no origin; the session after them does.
    const seen = await page(
      '',
      `<reactor-balance src="${url}/api/reactor-balance" refresh="0"></reactor-balance>
       <reactor-pricing></reactor-pricing>
       <reactor-session model="helios" api-url="${url}" token-url="${url}/api/reactor-token"></reactor-session>`,
    );
    expect(seen.pricingRequests).to.deep.equal([new URL(url).origin]);
    expect(seen.rows).to.equal(2);
    expect(seen.balance).to.equal('≈ $100.00');
  });

  it('<reactor-pricing> refuses an api-url that is not an absolute URL, and fetches nothing', async () => {
    const seen = await page('', `<reactor-pricing api-url="api.example.com"></reactor-pricing>`);
    expect(seen.error).to.contain('api-url "api.example.com" is not an absolute URL.');
    expect(seen.pricingRequests).to.deep.equal([]);
  });
});
