import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { ReactorPricing, ReactorSession } from '../../src/index.js';
import { registerTranslation } from '../../src/i18n/registry.js';
import { sharedPricingCache } from '../../src/platform/pricing.js';
import { configureEmulator, emulatorUrl, resetEmulator, waitFor } from '../helpers/emulator.js';
import { part, parts, spokenText, textOf } from '../helpers/dom.js';
import { goLive, sessionFixture } from '../helpers/session.js';
import { captureConsole } from '../helpers/console.js';
import { webrtc } from '../helpers/capabilities.js';

/**
 * WCAG 2.2 AA beyond what axe sees, by behaviour: time to answer the idle warning, a warning
 * that cannot open unseen, focus that survives a state change, a focus ring that stands out on
 * any background, names and languages a screen reader needs, and what the live regions say.
 */

/** The relative luminance of an `rgb(…)` colour (WCAG 2.x). */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

const WHITE = 'rgb(255, 255, 255)';
const BLACK = 'rgb(0, 0, 0)';

describe('accessibility (WCAG 2.2 AA, by behaviour)', () => {
  beforeEach(() => resetEmulator());
  afterEach(() => {
    document.documentElement.removeAttribute('lang');
    for (const el of document.querySelectorAll('reactor-session')) el.disconnect();
  });

  it('gives a visitor 20 s to answer the idle warning, and says why a shorter one is not accessible', async () => {
    const el = await sessionFixture();
    expect(el.idleWarning).to.equal(20);
    const log = captureConsole();
    try {
      el.setAttribute('idle-warning', '10');
      await el.updateComplete;
    } finally {
      log.restore();
    }
    expect(log.warnings.join('\n')).to.match(
      /idle-warning="10" is under 20 s: too short to answer for some visitors \(WCAG 2\.2\.1\)/,
    );
  });

  it('keeps focus on the button that takes the place of the one pressed (Start → Cancel)', async function () {
    if (!webrtc) this.skip(); // without WebRTC, Start says so and starts nothing
    await configureEmulator({ gpuDelayMs: 3000 });
    const el = await sessionFixture({ attributes: 'exclusive="false"' });
    const start = part(el, 'connect-button')!;
    start.focus();
    start.click();
    await waitFor(() => !!part(el, 'disconnect-button'), 'the Cancel button');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('disconnect-button');
    part(el, 'disconnect-button')!.click();
    await waitFor(() => !!part(el, 'connect-button'), 'Start again', 2000).catch(() => {
      // a press within the click-through guard is ignored: end it from the page
      el.disconnect();
    });
    await waitFor(() => !!part(el, 'connect-button'), 'Start again');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('connect-button');
  });

  it('draws a two-tone focus ring: one tone 3:1 or more against white, the other against black', async () => {
    const el = await sessionFixture();
    // The rule every focusable part gets, resolved in the element (where its custom properties
    // apply). Read from the style sheet, not from a focused button: a headless window without
    // the system's focus (two browsers at once) matches no :focus-visible at all.
    const rule = [...el.shadowRoot!.adoptedStyleSheets]
      .flatMap((sheet) => [...sheet.cssRules])
      .find(
        (r): r is CSSStyleRule =>
          r instanceof CSSStyleRule && r.selectorText.split(',')[0]!.trim() === ':focus-visible',
      );
    expect(rule, 'a :focus-visible rule for every part').to.not.equal(undefined);
    const probe = document.createElement('span');
    probe.style.cssText = rule!.style.cssText;
    part(el, 'base')!.append(probe);
    const style = getComputedStyle(probe);
    expect(style.outlineStyle).to.equal('solid');
    const outer = style.outlineColor;
    const inner = /rgba?\([^)]*\)/.exec(style.boxShadow)?.[0] ?? '';
    expect(contrast(outer, WHITE), `outer ${outer} on white`).to.be.at.least(3);
    expect(contrast(inner, BLACK), `inner ${inner} on black`).to.be.at.least(3);
    expect(contrast(inner, outer), 'the two tones apart').to.be.at.least(3);
    probe.remove();
  });

  it('marks its built-in English as English on a page of another language, and a translation as its own', async () => {
    document.documentElement.lang = 'fr';
    const el = await sessionFixture();
    const url = await emulatorUrl();
    const balance = await fixture<HTMLElement>(
      html`<reactor-balance
        .source=${async () => ({ credits: 1000 })}
        api-url=${url}
      ></reactor-balance>`,
    );
    await waitFor(() => textOf(part(balance, 'base')).includes('credits'), 'the balance');
    expect(part(el, 'base')!.lang).to.equal('en');
    expect(part(balance, 'base')!.lang).to.equal('en');
    // The balance says what it is.
    expect(textOf(part(balance, 'label'))).to.equal('Balance');
    // The setup checklist (`debug`) is English only: marked so, whatever the page's language.
    el.debug = true;
    await el.updateComplete;
    expect(part(el, 'debug')!.lang).to.equal('en');
    el.debug = false;
    registerTranslation('fr', { session: { start: 'Démarrer' } });
    await el.updateComplete;
    expect(part(el, 'base')!.lang).to.equal('fr');
  });

  it('names a failure to load prices once per page, however many price lists show it', async () => {
    const url = await emulatorUrl();
    sharedPricingCache().clear();
    await configureEmulator({ faults: [{ route: 'GET /pricing', status: 500, times: 50 }] });
    const box = await fixture<HTMLElement>(
      html`<div>
        <reactor-pricing api-url=${url}></reactor-pricing>
        <reactor-pricing api-url=${url} model="helios"></reactor-pricing>
      </div>`,
    );
    const lists = [...box.querySelectorAll<ReactorPricing>('reactor-pricing')];
    await waitFor(() => lists.every((p) => !!part(p, 'error')), 'both errors shown');
    const alerts = lists.filter((p) => part(p, 'error')!.getAttribute('role') === 'alert');
    expect(alerts).to.have.length(1);
  });

  it('keeps the live dot and the loading bars in forced colours (a border, not a background)', async () => {
    const el = await sessionFixture();
    const rules = (node: Element) =>
      [...node.shadowRoot!.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules]);
    const dot = rules(el).find(
      (r): r is CSSStyleRule =>
        r instanceof CSSStyleRule && r.selectorText.includes('.status::before'),
    );
    expect(dot?.style.cssText).to.match(/border: [^;]*solid/);
    const pricing = await fixture<HTMLElement>(html`<reactor-pricing></reactor-pricing>`);
    const forced = rules(pricing).find(
      (r) => r instanceof CSSMediaRule && r.conditionText.includes('forced-colors'),
    ) as CSSMediaRule | undefined;
    expect(forced?.cssText).to.contain('.skeleton');
  });

  describe('live', function () {
    before(function () {
      if (!webrtc) this.skip();
    });

    it('names the live video, reads times as words, and says the bill once when the session ends', async () => {
      const el = await sessionFixture({ attributes: 'idle-timeout="0"' });
      await goLive(el);
      await waitFor(() => !part(el, 'video')!.hidden, 'the first frame');
      expect(part(el, 'video')!.getAttribute('aria-label')).to.equal('Live video from helios');
      // The countdown shows m:ss and says it in words.
      expect(textOf(part(el, 'countdown'))).to.match(/^\d:\d\d left$/);
      expect(spokenText(part(el, 'countdown'))).to.match(/minutes?|seconds?/);
      const ended = oneEvent(el, 'reactor-end');
      el.disconnect();
      await ended;
      await el.updateComplete;
      const status = spokenText(part(el, 'status'));
      expect(status).to.match(/^Session ended\. You ended the session\. \d+ seconds? billed · /);
      expect(status.match(/billed/g)).to.have.length(1);
      // What a sighted visitor reads in the status line stays short.
      expect(textOf(part(el, 'status'))).to.equal('Session ended. You ended the session.');
    });

    it('opens the idle warning modal, in the window wherever the player is, with focus on Keep', async () => {
      const el = await sessionFixture({ attributes: 'idle-timeout="1" idle-warning="20"' });
      const spacer = document.createElement('div');
      spacer.style.height = '3000px';
      el.before(spacer);
      try {
        await goLive(el);
        const warned = oneEvent(el, 'reactor-idle-warning');
        await warned;
        await el.updateComplete;
        const dialog = part(el, 'idle-dialog') as HTMLDialogElement;
        expect(dialog.matches(':modal')).to.equal(true);
        const box = dialog.getBoundingClientRect();
        expect(box.top).to.be.at.least(0);
        expect(box.bottom).to.be.at.most(innerHeight);
        expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('keep-alive-button');
        part(el, 'keep-alive-button')!.click();
        await el.updateComplete;
        expect(dialog.open).to.equal(false);
      } finally {
        spacer.remove();
      }
    });

    it('says the time limit in the status line before it ends the session', async () => {
      const el: ReactorSession = await sessionFixture({
        attributes: 'idle-timeout="0" max-duration="6"',
      });
      await goLive(el);
      // Half of a 6 s session: said at 3 s left, one fixed text (said once).
      await waitFor(() => textOf(part(el, 'status')).includes('time limit'), 'the warning', 6000);
      expect(textOf(part(el, 'status'))).to.equal(
        'Live: the time limit ends the session in 3 seconds.',
      );
      await oneEvent(el, 'reactor-end');
    });

    it('puts focus back on Start when End is pressed and the controls go', async () => {
      const el = await sessionFixture({ attributes: 'idle-timeout="0"' });
      await goLive(el);
      const end = part(el, 'disconnect-button')!;
      await new Promise((r) => setTimeout(r, 700)); // past the click-through guard
      end.focus();
      const ended = oneEvent(el, 'reactor-end');
      end.click();
      await ended;
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('connect-button');
      expect(parts(el, 'disconnect-button')).to.have.length(0);
    });
  });
});
