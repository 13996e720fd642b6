/**
 * The elements in a phone's column (320 px): the price table fits without scrolling sideways
 * (per minute, not also per hour), and every button is a thumb's target (44 px high).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/index.js';
import type { ReactorPricing } from '../../src/index.js';
import { emulatorUrl, resetEmulator, waitFor } from '../helpers/emulator.js';
import { part, parts } from '../helpers/dom.js';
import { sessionMarkup } from '../helpers/session.js';

describe('at 320 px', function () {
  this.timeout(20_000);
  before(() => setViewport({ width: 320, height: 800 }));
  after(() => setViewport({ width: 1280, height: 800 }));
  beforeEach(() => resetEmulator());

  // A page's usual gutters: 16 px a side (the runner's body margin, and 8 px more).
  it('the price table fits the column, and the buttons are 44 px high', async () => {
    const url = await emulatorUrl();
    const box = await fixture<HTMLDivElement>(
      html`<div
        style="padding: 0 8px"
        .innerHTML=${`<reactor-pricing api-url="${url}"></reactor-pricing>${await sessionMarkup()}`}
      ></div>`,
    );
    const pricing = box.querySelector<ReactorPricing>('reactor-pricing')!;
    await waitFor(() => parts(pricing, 'row').length === 2, 'the price table');
    const base = part(pricing, 'base')!;
    expect(base.scrollWidth, 'no sideways scroll').to.be.at.most(base.clientWidth);
    const headers = [...pricing.shadowRoot!.querySelectorAll('th[scope="col"]')];
    expect(headers.filter((th) => th.getBoundingClientRect().width > 0).length).to.equal(3);
    const session = box.querySelector('reactor-session')!;
    await session.updateComplete;
    const start = part(session, 'connect-button')!;
    expect(start.getBoundingClientRect().height).to.be.at.least(44);
  });
});
