import { expect } from '@open-wc/testing';
import { PlatformError } from '../../src/platform/errors.js';
import {
  PricingCache,
  costOf,
  findModel,
  parsePricing,
  sharedPricingCache,
  shortModelName,
} from '../../src/platform/pricing.js';
import { BillingMeter } from '../../src/platform/meter.js';
import { configureEmulator, emulatorUrl, resetEmulator } from '../helpers/emulator.js';

const doc = (models: unknown) => ({ settings: { credits_per_dollar: 10000 }, models });

function parseError(data: unknown): string {
  try {
    parsePricing(data);
  } catch (error) {
    expect(error).to.be.instanceOf(PlatformError);
    expect((error as PlatformError).code).to.equal('bad-response');
    return (error as Error).message;
  }
  throw new Error('expected parsePricing to throw');
}

describe('platform/pricing', () => {
  it('validates the document, ignores unknown fields and treats an absent models list as empty', () => {
    const pricing = parsePricing({
      settings: { credits_per_dollar: 10000, future: true },
      models: [
        {
          id: 'x',
          name: 'reactor/helios',
          rate: { amount_per_sec: 17, unit: 'credits' },
          extra: 1,
        },
      ],
      other: 'ignored',
    });
    expect(pricing).to.deep.equal({
      creditsPerDollar: 10000,
      models: [{ id: 'x', name: 'helios', creditsPerSecond: 17 }],
    });
    expect(parsePricing({ settings: { credits_per_dollar: 10000 } }).models).to.deep.equal([]);
    expect(parsePricing(doc([])).models).to.deep.equal([]);
  });

  it('rejects negative, non-numeric, huge and missing rates with a clear message', () => {
    expect(parseError(doc([{ name: 'helios', rate: { amount_per_sec: -3 } }])))
      .to.contain('helios')
      .and.contain('-3');
    expect(parseError(doc([{ name: 'helios', rate: { amount_per_sec: '17' } }]))).to.contain(
      '"17"',
    );
    expect(parseError(doc([{ name: 'helios', rate: { amount_per_sec: 1e300 } }]))).to.contain(
      'helios',
    );
    expect(parseError(doc([{ name: 'helios' }]))).to.contain('missing');
    expect(parseError(doc([{ rate: { amount_per_sec: 1 } }]))).to.contain('no name');
    expect(parseError({ settings: { credits_per_dollar: 0 } })).to.contain('credits_per_dollar');
    expect(parseError(null)).to.contain('not an object');
    expect(parseError(doc('helios'))).to.contain('list');
  });

  it('reads a rate of 0, or one too small to bound a budget, as no price', () => {
    const pricing = parsePricing(
      doc([
        { name: 'free', rate: { amount_per_sec: 0 } },
        { name: 'tiny', rate: { amount_per_sec: 1e-300 } },
        { name: 'helios', rate: { amount_per_sec: 17 } },
      ]),
    );
    expect(pricing.models.map((m) => m.name)).to.deep.equal(['helios']);
    expect(findModel(pricing, 'free')).to.equal(undefined);
  });

  it('finds models by their short name and prices seconds', () => {
    const pricing = parsePricing(doc([{ name: 'helios', rate: { amount_per_sec: 17 } }]));
    expect(shortModelName('reactor/helios')).to.equal('helios');
    expect(findModel(pricing, 'reactor/helios')?.creditsPerSecond).to.equal(17);
    expect(findModel(pricing, 'HELIOS')?.creditsPerSecond).to.equal(17);
    expect(findModel(pricing, 'nope')).to.equal(undefined);
    expect(costOf(17, 300, 10000)).to.deep.equal({ credits: 5100, usd: 0.51 });
  });

  describe('the shared cache against the emulator', () => {
    let url: string;
    let requests: number;
    const originalFetch = window.fetch;
    before(async () => (url = await emulatorUrl()));
    beforeEach(async () => {
      await resetEmulator();
      requests = 0;
      window.fetch = (input, init) => {
        if (String(input instanceof Request ? input.url : input).endsWith('/pricing'))
          requests += 1;
        return originalFetch(input, init);
      };
    });
    afterEach(() => (window.fetch = originalFetch));

    it('makes one request for many callers and serves the cached copy until it expires', async () => {
      let now = 0;
      const cache = new PricingCache(1000, () => now);
      const all = await Promise.all([cache.get(url), cache.get(`${url}/`), cache.get(url)]);
      expect(requests).to.equal(1);
      expect(findModel(all[0], 'helios')?.creditsPerSecond).to.equal(17);
      await cache.get(url);
      expect(requests).to.equal(1);
      now = 2000;
      await cache.get(url);
      expect(requests).to.equal(2);
    });

    it('does not cache failures, and one caller cancelling does not cancel the others', async () => {
      const cache = new PricingCache();
      await configureEmulator({ faults: [{ status: 500, route: 'GET /pricing' }] });
      let failed = false;
      await cache.get(url).catch(() => (failed = true));
      expect(failed).to.equal(true);
      const controller = new AbortController();
      const cancelled = cache.get(url, { signal: controller.signal });
      const other = cache.get(url);
      controller.abort();
      let code = '';
      await cancelled.catch((e: PlatformError) => (code = e.code));
      expect(code).to.equal('aborted');
      expect((await other).models.length).to.equal(2);
      expect(requests).to.equal(2);
    });

    it('gives up on a slow answer with a timeout error', async () => {
      await configureEmulator({ latencyMs: 600 });
      const cache = new PricingCache(1000, Date.now, 200);
      let error: PlatformError | null = null;
      await cache.get(url).catch((e: PlatformError) => (error = e));
      expect(error!.code).to.equal('timeout');
    });

    it('is one object for every copy of the library on the page', () => {
      expect(sharedPricingCache()).to.equal(sharedPricingCache());
      const key = Symbol.for('reactor-elements.pricing-cache');
      expect((globalThis as unknown as Record<symbol, unknown>)[key]).to.equal(
        sharedPricingCache(),
      );
    });
  });
});

describe('platform/meter', () => {
  it('bills from start to stop on the clock it is given, through any gap', () => {
    let now = 1000;
    const meter = new BillingMeter(() => now);
    expect(meter.billedMs).to.equal(0);
    meter.stop();
    expect(meter.started).to.equal(false);
    meter.start();
    now = 4500; // e.g. a recoverable disconnect, or a tab in the background: nothing ticks
    expect(meter.billedSeconds).to.equal(3.5);
    meter.start(); // ready again after a reconnect: no restart
    now = 6000;
    meter.stop();
    now = 9000;
    meter.stop();
    expect([meter.running, meter.billedMs]).to.deep.equal([false, 5000]);
    expect(meter.cost(17, 10000)).to.deep.equal({ credits: 85, usd: 0.0085 });
  });

  it('runs on performance.now() by default', async () => {
    const meter = new BillingMeter();
    meter.start();
    await new Promise((r) => setTimeout(r, 120));
    expect(meter.billedMs).to.be.within(100, 1000);
    expect(meter.running).to.equal(true);
  });
});
