/**
 * A no-code landing page: <reactor-pricing>, <reactor-session> and <reactor-balance> as siblings
 * (no nesting), against the emulator.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { ReactorBalance, ReactorPricing, ReactorSession } from '../../src/index.js';
import { sharedPricingCache } from '../../src/platform/pricing.js';
import {
  configureEmulator,
  emulatorUrl,
  ledgerEntry,
  resetEmulator,
  waitFor,
} from '../helpers/emulator.js';
import { part, textOf as text } from '../helpers/dom.js';
import { requireWebRTC } from '../helpers/capabilities.js';

interface Page {
  pricing: ReactorPricing;
  session: ReactorSession;
  balance: ReactorBalance;
  pricingRequests: () => number;
}

async function landingPage(): Promise<Page> {
  const url = await emulatorUrl();
  let requests = 0;
  const originalFetch = window.fetch;
  window.fetch = (input, init) => {
    if (String(input instanceof Request ? input.url : input).endsWith('/pricing')) requests += 1;
    return originalFetch(input, init);
  };
  after(() => (window.fetch = originalFetch));
  const box = await fixture<HTMLDivElement>(
    html`<div
      .innerHTML=${`
        <header><reactor-pricing api-url="${url}" model="helios"></reactor-pricing></header>
        <main>
          <reactor-session id="live" model="helios" api-url="${url}" token-url="${url}/api/reactor-token"
            idle-timeout="0" topup-url="https://example.com/topup"></reactor-session>
        </main>
        <aside>
          <reactor-pricing api-url="${url}"></reactor-pricing>
          <reactor-balance src="${url}/api/reactor-balance" api-url="${url}" refresh="0"
            topup-url="https://example.com/topup"></reactor-balance>
        </aside>`}
    ></div>`,
  );
  const page = {
    pricing: box.querySelector('reactor-pricing')!,
    session: box.querySelector('reactor-session')!,
    balance: box.querySelector('reactor-balance')!,
    pricingRequests: () => requests,
  };
  await waitFor(() => page.balance.credits !== null, 'the balance');
  await waitFor(() => text(part(page.session, 'cost')).includes('credits'), 'the estimate');
  return page;
}

describe('a landing page with sibling elements', function () {
  this.timeout(60_000);
  beforeEach(async () => {
    sharedPricingCache().clear();
    await resetEmulator({ gpuDelayMs: 200 });
  });

  it('makes one /pricing request; the balance falls with the session and matches the platform after', async () => {
    requireWebRTC();
    const page = await landingPage();
    const { session, balance } = page;
    const fetched = balance.credits!;
    expect(fetched).to.equal(1_000_000);
    await expect(balance).to.be.accessible();

    const ready = oneEvent(session, 'reactor-ready');
    part(session, 'connect-button')!.click();
    const id = (await ready).detail.sessionId as string;
    await waitFor(() => session.billedSeconds >= 3, 'three billed seconds');

    // While billed: the shown balance is the fetched one minus what the ledger has billed.
    const entry = await ledgerEntry(id);
    const billedByLedger = (Date.now() - entry.ready_at!) / 1000;
    const drop = fetched - balance.projected!;
    expect(Math.abs(drop - billedByLedger * 17)).to.be.below(17); // within 1 s of billing
    await balance.updateComplete;
    expect(text(part(balance, 'estimate'))).to.match(/≈ [\d,]+ min left at the current rate/);

    const refetched = oneEvent(balance, 'reactor-balance-change');
    session.disconnect();
    await refetched;
    await waitFor(async () => {
      const platform = (await (
        await fetch(`${await emulatorUrl()}/api/reactor-balance`)
      ).json()) as {
        credits: number;
      };
      return balance.credits === platform.credits;
    }, 'the refetched balance to match the platform');
    expect(balance.projected).to.equal(balance.credits);
    expect((await ledgerEntry(id)).ended_by).to.equal('client');
    expect(page.pricingRequests()).to.equal(1);
  });

  it('a 402 on the session puts the balance in its out-of-credits state', async () => {
    requireWebRTC();
    const page = await landingPage();
    await configureEmulator({ faults: [{ status: 402, times: 1, route: 'POST /sessions' }] });
    const error = oneEvent(page.session, 'reactor-error');
    part(page.session, 'connect-button')!.click();
    expect((await error).detail.status).to.equal(402);
    await page.balance.updateComplete;
    expect(text(part(page.balance, 'warning'))).to.contain('Out of credits');
    expect(part(page.balance, 'topup-link')!.getAttribute('href')).to.equal(
      'https://example.com/topup',
    );
  });
});

describe('two copies of the bundle on one page', () => {
  it('share one account state and one price request, quietly', async () => {
    requireWebRTC();
    const url = await emulatorUrl();
    const frame = document.createElement('iframe');
    const report = new Promise<Record<string, unknown>>((resolve) =>
      window.addEventListener('message', function on(e: MessageEvent) {
        if (e.data?.copies) {
          window.removeEventListener('message', on);
          resolve(e.data as Record<string, unknown>);
        }
      }),
    );
    frame.srcdoc = `<body>
      <reactor-pricing api-url="${url}"></reactor-pricing>
      <reactor-balance src="${url}/api/reactor-balance" api-url="${url}" refresh="0"></reactor-balance>
      <script type="module">
        const warnings = [];
        const warn = console.warn;
        console.warn = (...args) => { warnings.push(args.join(' ')); warn(...args); };
        let pricingRequests = 0;
        const originalFetch = fetch;
        window.fetch = (input, init) => {
          if (String(input).endsWith('/pricing')) pricingRequests += 1;
          return originalFetch(input, init);
        };
        const a = await import('/__bundle/reactor-elements.js?copy=a');
        const b = await import('/__bundle/reactor-elements.js?copy=b');
        const balance = document.querySelector('reactor-balance');
        await new Promise((r) => setTimeout(r, 1500));
        // Copy b's store is copy a's (one page-wide state), and a session tracked through copy b's
        // API shows up in the balance rendered by copy a's element.
        const same = a.installDocumentStore() === b.installDocumentStore();
        b.installDocumentStore().track({ element: null, model: 'helios', credits: 100, burnRate: 0 });
        parent.postMessage({
          copies: a.ReactorSession !== b.ReactorSession,
          same,
          contextKeysMatch: a.accountContext === b.accountContext,
          projectedDrop: balance.credits - balance.projected,
          pricingRequests,
          warnings,
          rows: document.querySelector('reactor-pricing').shadowRoot.querySelectorAll('[part~="row"]').length,
        }, '*');
      </script></body>`;
    document.body.append(frame);
    const result = await report;
    frame.remove();
    expect(result).to.deep.equal({
      copies: true,
      same: true,
      contextKeysMatch: true,
      projectedDrop: 100,
      pricingRequests: 1,
      warnings: [],
      rows: 2,
    });
  });
});
