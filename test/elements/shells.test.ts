import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { ReactorSession, ReactorPricing, ReactorBalance } from '../../src/index.js';

describe('<reactor-session> shell', () => {
  it('renders an accessible placeholder with its parts', async () => {
    const el = await fixture<ReactorSession>(
      html`<reactor-session model="helios" token-url="/api/reactor-token"></reactor-session>`,
    );
    const root = el.shadowRoot!;
    expect(root.querySelector('[part="status"]')?.getAttribute('role')).to.equal('status');
    expect(root.querySelector('[part="connect-button"]')).to.exist;
    expect(root.textContent).to.contain('helios');
    await expect(el).to.be.accessible();
  });

  it('reflects kebab-case attributes to properties', async () => {
    const el = await fixture<ReactorSession>(
      html`<reactor-session
        token-url="/t"
        max-duration="120"
        api-url="http://x"
      ></reactor-session>`,
    );
    expect(el.tokenUrl).to.equal('/t');
    expect(el.maxDuration).to.equal(120);
    expect(el.apiUrl).to.equal('http://x');
    el.maxDuration = 90;
    await el.updateComplete;
    expect(el.getAttribute('max-duration')).to.equal('90');
  });
});

describe('<reactor-pricing> shell', () => {
  it('renders an accessible placeholder', async () => {
    const el = await fixture<ReactorPricing>(
      html`<reactor-pricing model="helios"></reactor-pricing>`,
    );
    expect(el.shadowRoot!.textContent).to.contain('helios');
    await expect(el).to.be.accessible();
  });
});

describe('<reactor-balance> shell', () => {
  it('renders an accessible placeholder', async () => {
    const el = await fixture<ReactorBalance>(
      html`<reactor-balance src="/api/reactor-balance" low-threshold="50"></reactor-balance>`,
    );
    expect(el.lowThreshold).to.equal(50);
    await expect(el).to.be.accessible();
  });
});
