import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import '../../src/locales/de.js';
import {
  type ReactorBalance,
  type ReactorPricing,
  type ReactorSession,
  registerTranslation,
  sessionMessages,
} from '../../src/index.js';
import { configureEmulator, emulatorUrl, resetEmulator, waitFor } from '../helpers/emulator.js';
import { part, spokenText, textOf as text } from '../helpers/dom.js';
import { requireWebRTC } from '../helpers/capabilities.js';

/** The three elements under one `lang`, pointed at the emulator, once prices are shown. */
async function elements(lang: string) {
  const url = await emulatorUrl();
  const box = await fixture<HTMLDivElement>(
    html`<div lang=${lang}>
      <reactor-session
        model="helios"
        api-url=${url}
        token-url="${url}/api/reactor-token"
        idle-timeout="0"
      ></reactor-session>
      <reactor-pricing api-url=${url}></reactor-pricing>
      <reactor-balance
        src="${url}/api/reactor-balance"
        api-url=${url}
        refresh="0"
      ></reactor-balance>
    </div>`,
  );
  const session = box.querySelector('reactor-session') as ReactorSession;
  const pricing = box.querySelector('reactor-pricing') as ReactorPricing;
  const balance = box.querySelector('reactor-balance') as ReactorBalance;
  await waitFor(
    () =>
      text(part(session, 'cost')).includes('$') &&
      !!part(pricing, 'table') &&
      text(part(balance, 'money')).includes('$'),
    'prices and the balance',
  );
  return { session, pricing, balance };
}

const headers = (pricing: ReactorPricing) =>
  [...pricing.shadowRoot!.querySelectorAll('thead th')].map((th) => text(th));

describe('translations', function () {
  this.timeout(30_000);
  beforeEach(() => resetEmulator({ gpuDelayMs: 50 }));

  it('speak German where the closest lang is de or de-*, with German numbers', async () => {
    const { session, pricing, balance } = await elements('de-AT');
    expect(text(part(session, 'connect-button'))).to.equal('Sitzung starten');
    expect(text(part(session, 'status'))).to.equal('Nicht verbunden');
    expect(text(part(session, 'cost'))).to.match(
      // de-AT groups with a space and puts the dollar sign first: "5 100 Credits ($ 0,51)".
      /^Bis zu 5:00 pro Sitzung, höchstens 5.100 Credits \(.*0,51.*\)$/,
    );
    expect(headers(pricing)).to.deep.equal(['Modell', 'Credits/s', 'Pro Minute', 'Pro Stunde']);
    expect(text(part(balance, 'amount'))).to.match(/^1.000.000 Credits$/);
    expect(text(part(balance, 'mode'))).to.equal('Vorausbezahlt');
    await expect(session).to.be.accessible();
  });

  it('run a German session end to end: live line, cost ticker, receipt and end reason', async () => {
    requireWebRTC();
    const { session } = await elements('de');
    part(session, 'connect-button')!.click();
    await waitFor(() => session.status === 'ready', 'the session to be live');
    await waitFor(() => session.billedSeconds >= 1.1, 'a second billed');
    await session.updateComplete;
    expect(text(part(session, 'status'))).to.equal('Live: sekundengenau abgerechnet');
    expect(text(part(session, 'cost'))).to.match(/^0:01 abgerechnet · /);
    expect(spokenText(part(session, 'cost'))).to.match(/^Bisher abgerechnet: 0:01/);
    expect(text(part(session, 'countdown'))).to.match(/^noch 4:5\d$/);
    // The time in words, for a screen reader (hidden text beside the m:ss it hides).
    expect(spokenText(part(session, 'countdown')!.querySelector('.sr-only'))).to.match(
      /^4 Minuten \d+ Sekunden$/,
    );
    expect(text(part(session, 'disconnect-button'))).to.equal('Sitzung beenden');
    part(session, 'disconnect-button')!.click();
    await waitFor(() => session.status === 'ended', 'the end');
    await session.updateComplete;
    expect(text(part(session, 'status'))).to.equal(
      'Sitzung beendet. Sie haben die Sitzung beendet.',
    );
    expect(text(part(session, 'cost'))).to.match(
      /^Beleg( \(endgültig, laut Reactor\))?: 0:0\d abgerechnet · /,
    );
    await waitFor(() => session.receipt !== null, 'the platform’s figure');
    await session.updateComplete;
    expect(text(part(session, 'cost'))).to.match(
      /^Beleg \(endgültig, laut Reactor\): 0:0\d abgerechnet · /,
    );
  });

  it('say what failed in German (402), and keep English where no translation applies', async () => {
    requireWebRTC();
    await configureEmulator({ faults: [{ status: 402, times: 2, route: 'POST /sessions' }] });
    const german = await elements('de');
    const errors: string[] = [];
    german.session.addEventListener('reactor-error', (e) => errors.push(e.detail.message));
    await german.session.connect();
    await german.session.updateComplete;
    expect(text(part(german.session, 'error'))).to.equal(
      'Das Konto hat keine Credits mehr (402). Laden Sie auf, um eine Sitzung zu starten.',
    );
    expect(errors).to.deep.equal([text(part(german.session, 'error'))]);
    const french = await elements('fr');
    await french.session.connect();
    await french.session.updateComplete;
    expect(text(part(french.session, 'error'))).to.equal(
      'The account is out of credits (402). Top up to start a session.',
    );
  });

  it('take single overrides, and show them at once', async () => {
    const { session, pricing } = await elements('en');
    try {
      registerTranslation('en', { session: { start: 'Go live' }, pricing: { model: 'Engine' } });
      await session.updateComplete;
      await pricing.updateComplete;
      expect(text(part(session, 'connect-button'))).to.equal('Go live');
      expect(headers(pricing)[0]).to.equal('Engine');
      // The rest stays as it was.
      expect(text(part(session, 'status'))).to.equal('Not connected');
    } finally {
      registerTranslation('en', {
        session: { start: sessionMessages.start },
        pricing: { model: 'Model' },
      });
    }
  });

  it("follow a change of the document's lang", async () => {
    const root = document.documentElement;
    const before = root.getAttribute('lang');
    const { session } = await elements('');
    const box = session.parentElement!;
    box.removeAttribute('lang');
    try {
      root.lang = 'de';
      await waitFor(() => text(part(session, 'connect-button')) === 'Sitzung starten', 'German');
      root.lang = 'en';
      await waitFor(() => text(part(session, 'connect-button')) === 'Start session', 'English');
    } finally {
      if (before === null) root.removeAttribute('lang');
      else root.lang = before;
    }
  });
});
