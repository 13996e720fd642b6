import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import { ReactorAccount, type ReactorBalance } from '../../src/index.js';
import type { BilledSession } from '../../src/store/account-store.js';
import { installDocumentStore } from '../../src/store/store-consumer.js';
import { configureEmulator, emulatorUrl, resetEmulator, waitFor } from '../helpers/emulator.js';
import { part, textOf as text } from '../helpers/dom.js';
import { captureConsole } from '../helpers/console.js';

async function balance(attributes = ''): Promise<ReactorBalance> {
  const url = await emulatorUrl();
  const box = await fixture<HTMLDivElement>(
    html`<div
      .innerHTML=${`<reactor-balance src="${url}/api/reactor-balance" api-url="${url}" ${attributes}></reactor-balance>`}
    ></div>`,
  );
  const el = box.querySelector('reactor-balance')!;
  await waitFor(() => el.credits !== null || !!part(el, 'error'), 'the balance');
  await el.updateComplete;
  return el;
}

/** A stand-in for a billed session, for the store's arithmetic. */
const fakeSession = (credits: number, burnRate = 0, element: Element | null = null) =>
  ({ element, model: 'helios', credits, burnRate }) as BilledSession;

describe('<reactor-balance>', () => {
  beforeEach(() => resetEmulator());

  it('shows the live balance, its money value and the billing mode, accessibly', async () => {
    const url = await emulatorUrl();
    const el = document.createElement('reactor-balance');
    Object.assign(el, { src: `${url}/api/reactor-balance`, apiUrl: url });
    const changed = oneEvent(el, 'reactor-balance-change'); // before it is on the page: no race
    await fixture(html`<div></div>`).then((box) => box.append(el));
    const change = await changed;
    expect(change.detail).to.deep.equal({ credits: 1_000_000, projected: 1_000_000 });
    await waitFor(() => text(part(el, 'money')).includes('$'), 'the money value');
    expect(text(part(el, 'amount'))).to.equal('1,000,000 credits');
    expect(text(part(el, 'money'))).to.equal('≈ $100.00');
    expect(text(part(el, 'mode'))).to.equal('Prepaid');
    expect(part(el, 'warning')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows postpaid billing with its credit limit and the auto top-up state', async () => {
    await configureEmulator({
      balanceMode: 'postpaid',
      creditLimit: 5000,
      autoTopup: { enabled: true, threshold_credits: 1000, amount_dollars: 20 },
    });
    const el = await balance();
    expect(text(part(el, 'mode'))).to.equal(
      'Postpaid (invoiced), credit limit 5,000 credits · auto top-up on ($20.00 at 1,000 credits)',
    );
  });

  it('warns once per crossing of low-threshold, with the top-up link', async () => {
    await configureEmulator({ balance: 40_000 });
    const url = await emulatorUrl();
    const lows: number[] = [];
    const el = document.createElement('reactor-balance');
    el.src = `${url}/api/reactor-balance`;
    el.lowThreshold = 50_000;
    el.topupUrl = 'https://example.com/topup';
    el.refresh = 0;
    el.addEventListener('reactor-balance-low', (e) => lows.push(e.detail.projected));
    await fixture(html`<div></div>`).then((box) => box.append(el));
    await waitFor(() => !!part(el, 'warning'), 'the warning');
    expect(text(part(el, 'warning'))).to.contain('Low balance');
    expect(part(el, 'topup-link')!.getAttribute('href')).to.equal('https://example.com/topup');
    await el.reload();
    await el.updateComplete;
    expect(lows).to.deep.equal([40_000]);
    await configureEmulator({ balance: 60_000 });
    await el.reload();
    await el.updateComplete;
    expect(part(el, 'warning')).to.equal(null);
    await configureEmulator({ balance: 30_000 });
    await el.reload();
    await el.updateComplete;
    expect(lows).to.deep.equal([40_000, 30_000]);
  });

  it('a source set just after it joins the page, or a moment later (hydration), is no mistake', async () => {
    const logged = captureConsole();
    try {
      const box = await fixture<HTMLDivElement>(html`<div></div>`);
      // import 'reactor-elements'; el.source = … : in the same task as the insertion.
      const now = document.createElement('reactor-balance');
      now.refresh = 0;
      box.append(now);
      now.source = () => Promise.resolve({ credits: 10 });
      // A framework's hydration: the property arrives in a later task.
      const later = document.createElement('reactor-balance');
      later.refresh = 0;
      box.append(later);
      await new Promise((r) => setTimeout(r, 500));
      later.source = () => Promise.resolve({ credits: 20 });
      await waitFor(() => now.credits === 10 && later.credits === 20, 'both balances');
      await new Promise((r) => setTimeout(r, 2000)); // past the moment a missing source is said
      expect(logged.said).to.deep.equal([]);
    } finally {
      logged.restore();
    }
  });

  it('takes a source function, and reports bad documents, 500s and a missing source clearly', async () => {
    // The visitor sees a calm line; what to fix goes to the console.
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const el = await fixture<ReactorBalance>(
        html`<reactor-balance refresh="0"></reactor-balance>`,
      );
      await waitFor(() => !!part(el, 'error'), 'the error');
      expect(text(part(el, 'error'))).to.equal('The balance could not be loaded.');
      expect(warnings).to.deep.equal([
        '[reactor-elements] <reactor-balance>: set src to the URL of your balance route (or set the source property).',
      ]);
      el.source = () => Promise.resolve({ credits: 1234.5, mode: 'prepaid' });
      await waitFor(() => el.credits === 1234.5, 'the source');
      await el.updateComplete;
      expect(text(part(el, 'amount'))).to.equal('1,235 credits');
      el.source = () => Promise.resolve({ credits: 'plenty' });
      await waitFor(() => !!part(el, 'error'), 'the error');
      expect(text(part(el, 'error'))).to.equal('The balance could not be loaded.');
      expect(warnings.at(-1)).to.contain('`credits` must be a number');
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    } finally {
      console.warn = warn;
    }

    await configureEmulator({
      faults: [{ status: 500, times: 1, route: 'GET /api/reactor-balance' }],
    });
    const failing = await balance();
    expect(text(part(failing, 'error'))).to.contain('could not be loaded');
    await expect(failing).to.be.accessible();
  });

  it('pauses refreshing while the tab is hidden and refetches when it shows again', async () => {
    let calls = 0;
    const el = await fixture<ReactorBalance>(html`<reactor-balance refresh="1"></reactor-balance>`);
    el.source = () => Promise.resolve({ credits: ++calls });
    await waitFor(() => calls >= 1, 'the first fetch');
    const hidden = Object.getOwnPropertyDescriptor(Document.prototype, 'hidden')!;
    try {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      document.dispatchEvent(new Event('visibilitychange'));
      const before = calls;
      await new Promise((r) => setTimeout(r, 1600));
      expect(calls).to.equal(before);
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      document.dispatchEvent(new Event('visibilitychange'));
      await waitFor(() => calls === before + 1, 'the refetch on showing');
    } finally {
      delete (document as unknown as Record<string, unknown>).hidden;
      Object.defineProperty(Document.prototype, 'hidden', hidden);
    }
  });

  it('projects the balance down from the page sessions, scoped by session id or a wrapper', async () => {
    const url = await emulatorUrl();
    const box = await fixture<HTMLDivElement>(
      html`<div
        .innerHTML=${`
          <reactor-balance id="all" src="${url}/api/reactor-balance" refresh="0"></reactor-balance>
          <reactor-balance id="one" session="player-2" src="${url}/api/reactor-balance" refresh="0"></reactor-balance>
          <reactor-account>
            <reactor-balance id="inner" src="${url}/api/reactor-balance" refresh="0"></reactor-balance>
          </reactor-account>`}
      ></div>`,
    );
    const [all, one, inner] = ['all', 'one', 'inner'].map((id) =>
      box.querySelector<ReactorBalance>(`#${id}`)!,
    );
    const account = box.querySelector<ReactorAccount>('reactor-account')!;
    await waitFor(() => [all, one, inner].every((b) => b!.credits !== null), 'three balances');
    const player = document.createElement('div');
    player.id = 'player-2';
    const page = installDocumentStore();
    const billed = { credits: 0, rate: 17 };
    page.track({
      element: player,
      model: 'helios',
      get burnRate() {
        return billed.rate;
      },
      get credits() {
        return billed.credits;
      },
    });
    const unnamed = { credits: 0 };
    page.track({
      element: null,
      model: 'helios',
      burnRate: 0,
      get credits() {
        return unnamed.credits;
      },
    });
    billed.credits = 170;
    unnamed.credits = 30;
    account.store.track(fakeSession(50));
    expect(all!.projected).to.equal(1_000_000 - 200);
    expect(one!.projected).to.equal(1_000_000 - 170); // only player-2
    expect(inner!.projected).to.equal(1_000_000 - 50); // only the wrapper's sessions
    await all!.updateComplete;
    await waitFor(() => text(part(all!, 'amount')) === '999,800 credits', 'the projection');
    // 999,800 credits at 17 credits/s: 980 minutes.
    expect(text(part(all!, 'estimate'))).to.equal('≈ 980 min left at the current rate');
    expect(inner!.shadowRoot!.querySelector('[part~="estimate"]')).to.equal(null);
    page.paymentRequired('out of credits');
    await all!.updateComplete;
    expect(text(part(all!, 'warning'))).to.contain('Out of credits');
    billed.rate = 0; // the page store outlives this test: stop the stand-in's burn
  });

  it('moves to a wrapper that is defined after its children (late upgrade)', async () => {
    const box = await fixture<HTMLDivElement>(
      html`<div
        .innerHTML=${'<late-account><reactor-balance refresh="0"></reactor-balance></late-account>'}
      ></div>`,
    );
    const el = box.querySelector('reactor-balance')!;
    el.source = () => Promise.resolve({ credits: 500 });
    await waitFor(() => el.credits === 500, 'the balance');
    customElements.define('late-account', class extends ReactorAccount {});
    const wrapper = box.querySelector('late-account') as ReactorAccount;
    wrapper.store.track(fakeSession(120));
    expect(el.projected).to.equal(380);
    installDocumentStore().track(fakeSession(1000)); // the page's sessions no longer count here
    expect(el.projected).to.equal(380);
  });
});
