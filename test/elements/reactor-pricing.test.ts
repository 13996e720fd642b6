import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/index.js';
import type { ReactorPricing } from '../../src/index.js';
import { sharedPricingCache } from '../../src/platform/pricing.js';
import { configureEmulator, emulatorUrl, resetEmulator, waitFor } from '../helpers/emulator.js';
import { part, parts, spokenText, textOf as text } from '../helpers/dom.js';

async function pricing(attributes = ''): Promise<ReactorPricing> {
  const url = await emulatorUrl();
  const box = await fixture<HTMLDivElement>(
    html`<div
      .innerHTML=${`<reactor-pricing api-url="${url}" ${attributes}></reactor-pricing>`}
    ></div>`,
  );
  const el = box.querySelector('reactor-pricing')!;
  await waitFor(() => !!el.shadowRoot!.querySelector('[aria-busy="false"]'), 'prices to load');
  await el.updateComplete;
  return el;
}

const body = (doc: unknown) => ({
  pricingBody: typeof doc === 'string' ? doc : JSON.stringify(doc),
});

describe('<reactor-pricing>', () => {
  beforeEach(async () => {
    sharedPricingCache().clear();
    await resetEmulator();
  });

  it('renders the live price list as a table, in the page locale, accessibly', async () => {
    const el = document.createElement('reactor-pricing');
    el.apiUrl = await emulatorUrl();
    const loaded = oneEvent(el, 'reactor-pricing-load'); // before it is on the page: no race
    await fixture(html`<div></div>`).then((box) => box.append(el));
    const { detail } = await loaded;
    expect(detail.pricing.models.map((m: { name: string }) => m.name)).to.deep.equal([
      'helios',
      'lingbot',
    ]);
    await el.updateComplete;
    const rows = parts(el, 'row');
    expect(rows).to.have.length(2);
    // helios: 17 credits/s; 10,000 credits per dollar → $0.10 a minute, $6.12 an hour.
    expect(rows[0]!.querySelectorAll('[part~="price"]')).to.have.length(3);
    expect(text(rows[0]!)).to.equal('helios 17 $0.10 $6.12');
    expect(text(rows[1]!)).to.equal('lingbot 29 $0.17 $10.44');
    expect(part(el, 'table')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('takes an apiUrl set just after it joins the page (a framework binding, plain JS)', async () => {
    const url = await emulatorUrl();
    // A scope of its own: the page's shared state already names this file's emulator (other
    // elements did), which would hide an element that fetched before its apiUrl was set.
    const box = await fixture<HTMLElement>(html`<reactor-account></reactor-account>`);
    const el = document.createElement('reactor-pricing');
    box.append(el);
    el.apiUrl = url; // in the same task as the insertion
    await waitFor(() => !!el.shadowRoot!.querySelector('[aria-busy="false"]'), 'prices');
    expect(text(part(el, 'error'))).to.equal(''); // (text: chai may hang printing an element)
    expect(parts(el, 'row').length).to.equal(2);
  });

  it('shows one model compactly, and each currency display', async () => {
    const both = await pricing('model="reactor/helios"');
    expect(text(part(both, 'row'))).to.equal('helios 17 credits/s · $0.10/min');
    const credits = await pricing('model="helios" currency="credits"');
    expect(text(part(credits, 'row'))).to.equal('helios 17 credits/s · 1,020 credits/min');
    const usd = await pricing('currency="usd"');
    expect(text(parts(usd, 'row')[0]!)).to.equal('helios $0.10 $6.12');
    const german = await fixture<HTMLDivElement>(
      html`<div
        lang="de"
        .innerHTML=${`<reactor-pricing api-url="${await emulatorUrl()}" currency="credits"></reactor-pricing>`}
      ></div>`,
    );
    const de = german.querySelector('reactor-pricing')!;
    await waitFor(() => parts(de, 'row').length === 2, 'the table');
    expect(text(parts(de, 'row')[0]!)).to.equal('helios 17 1.020 61.200');
  });

  it('says so when the model is not listed, or nothing is listed (absent or empty models)', async () => {
    const unknown = await pricing('model="nonesuch"');
    expect(text(part(unknown, 'empty'))).to.contain('"nonesuch" has no public price');
    await configureEmulator({ pricingListsModels: false });
    sharedPricingCache().clear();
    const absent = await pricing();
    expect(text(part(absent, 'empty'))).to.contain('No public prices are listed');
    await configureEmulator(body({ settings: { credits_per_dollar: 10000 }, models: [] }));
    sharedPricingCache().clear();
    const empty = await pricing();
    expect(text(part(empty, 'empty'))).to.contain('No public prices are listed');
    await expect(empty).to.be.accessible();
  });

  for (const [label, patch, says] of [
    ['garbage JSON', body('{"models": [oops'), 'Prices could not be loaded'],
    [
      'a negative rate',
      body({
        settings: { credits_per_dollar: 10000 },
        models: [{ name: 'helios', rate: { amount_per_sec: -1 } }],
      }),
      'helios',
    ],
    [
      'a rate that is a string',
      body({
        settings: { credits_per_dollar: 10000 },
        models: [{ name: 'helios', rate: { amount_per_sec: 'lots' } }],
      }),
      'helios',
    ],
    [
      'a 500',
      { faults: [{ status: 500, times: 1, route: 'GET /pricing' }] },
      'Prices could not be loaded',
    ],
  ] as const) {
    it(`shows an error and a retry button for ${label}, and the retry recovers`, async () => {
      await configureEmulator(patch);
      const el = await pricing();
      expect(text(part(el, 'error'))).to.contain(says);
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible();
      await resetEmulator();
      part(el, 'retry-button')!.click();
      await waitFor(() => parts(el, 'row').length === 2, 'the table after the retry');
      expect(part(el, 'error')).to.equal(null);
    });
  }

  it('renders a model name with markup in it as text', async () => {
    await configureEmulator(
      body({
        settings: { credits_per_dollar: 10000 },
        models: [{ name: '<img src=x onerror="window.__pwned=1">', rate: { amount_per_sec: 5 } }],
      }),
    );
    const el = await pricing();
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(text(part(el, 'model'))).to.contain('<img src=x');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('renders at most 100 rows of a huge price list and says the rest are cut; one model stays exact', async () => {
    await configureEmulator({ pricingExtraModels: 100_000 });
    const table = await pricing();
    expect(parts(table, 'row').length).to.equal(100);
    const more = text(part(table, 'more'));
    expect(more).to.equal('The first 100 of 100,002 models are shown.');
    const one = await pricing('model="m99999"'); // the last: 1 + 99999 % 7 = 5 credits/s
    expect(text(part(one, 'price'))).to.match(/^5 credits\/s/);
    await executeServerCommand('reactor-bad-input-row', {
      input: 'price list: 100,002 models',
      visitor: `${parts(table, 'row').length} rows; "${more}"`,
      console: '(none: a long list is not a mistake)',
    });
  });

  it('shows a busy skeleton while loading', async () => {
    await configureEmulator({ latencyMs: 400 });
    const url = await emulatorUrl();
    const el = await fixture<ReactorPricing>(
      html`<reactor-pricing api-url=${url}></reactor-pricing>`,
    );
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
    expect(spokenText(part(el, 'base'))).to.contain('Loading prices');
    await oneEvent(el, 'reactor-pricing-load');
  });

  it('refetches every `refresh` seconds', async () => {
    const el = await pricing('refresh="1"');
    const second = await oneEvent(el, 'reactor-pricing-load');
    expect(second.detail.pricing.models).to.have.length(2);
  });
});
