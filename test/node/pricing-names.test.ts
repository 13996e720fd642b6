/** A price list that names a model twice resolves to the exact entry (bad input, round three). */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { findModel, type Pricing } from '../../src/platform/pricing.js';

const price = (name: string, creditsPerSecond: number) => ({ name, creditsPerSecond });
const list = (...models: ReturnType<typeof price>[]) =>
  ({ creditsPerDollar: 10_000, models }) as unknown as Pricing;

it('prefers the exact name, then the short name, then a case-insensitive match', () => {
  const pricing = list(price('Helios', 1), price('other/helios', 2), price('helios', 17));
  assert.equal(findModel(pricing, 'helios')!.creditsPerSecond, 17);
  assert.equal(findModel(pricing, 'reactor/helios')!.creditsPerSecond, 17);
  assert.equal(findModel(pricing, 'other/helios')!.creditsPerSecond, 2);
  assert.equal(findModel(pricing, 'HELIOS')!.creditsPerSecond, 1);
  assert.equal(findModel(list(price('Helios', 1)), 'helios')!.creditsPerSecond, 1);
  assert.equal(findModel(pricing, 'lingbot'), undefined);
});

it('the broker’s price list: concurrent first requests share one fetch', async () => {
  const { priceList } = await import('../../src/server/spend.js');
  let fetches = 0;
  const body = JSON.stringify({
    settings: { credits_per_dollar: 10_000 },
    models: [{ name: 'helios', rate: { amount_per_sec: 17 } }],
  });
  const prices = priceList(
    'https://api.test',
    async () => {
      fetches += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return new Response(body);
    },
    () => Date.now(),
  );
  const all = await Promise.all([prices(), prices(), prices()]);
  assert.equal(fetches, 1);
  assert.equal(all[2]!.models[0]!.creditsPerSecond, 17);
  await prices();
  assert.equal(fetches, 1, 'kept afterwards');
});
