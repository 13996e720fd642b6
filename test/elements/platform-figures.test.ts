/**
 * The platform's own numbers beside the meter: the dry run's estimate before a session, the
 * effective cost after it (the receipt, `reactor-receipt`, the balance's projection), and a
 * platform that gives neither. The emulator's ledger is the judge.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { ReactorBalance, ReactorSession, SessionReceiptDetail } from '../../src/index.js';
import {
  configureEmulator,
  emulatorUrl,
  ledger,
  ledgerEntry,
  resetEmulator,
  waitFor,
} from '../helpers/emulator.js';
import { part, textOf } from '../helpers/dom.js';
import { captureConsole } from '../helpers/console.js';
import { matrixRow } from '../helpers/matrix.js';
import { goLive, partText as text, sleep } from '../helpers/session.js';
import { requireWebRTC } from '../helpers/capabilities.js';

async function page(extra = ''): Promise<{ el: ReactorSession; balance: ReactorBalance | null }> {
  const url = await emulatorUrl();
  const container = await fixture<HTMLDivElement>(
    html`<div
      .innerHTML=${`<reactor-session model="helios" api-url="${url}" token-url="${url}/api/reactor-token" max-duration="300"></reactor-session>${extra}`}
    ></div>`,
  );
  const el = container.querySelector('reactor-session')!;
  await el.updateComplete;
  await waitFor(() => text(el, 'cost').includes('credits'), 'the local estimate');
  return { el, balance: container.querySelector('reactor-balance') };
}

/** The pointer comes onto Start (the token is fetched ahead, and the dry run asked). */
const hover = (el: ReactorSession) =>
  part(el, 'connect-button')!.dispatchEvent(new PointerEvent('pointerenter'));

async function liveFor(el: ReactorSession, ms: number): Promise<string> {
  const id = await goLive(el);
  await sleep(ms);
  return id;
}

describe('the platform’s own numbers', function () {
  this.timeout(30_000);

  it('the estimate line shows the dry run’s figure (what the balance allows), creating nothing', async () => {
    requireWebRTC();
    await resetEmulator({ balance: 1_700 });
    const { el } = await page();
    expect(text(el, 'cost')).to.equal('Up to 5:00 per session, at most 5,100 credits ($0.51)');
    hover(el);
    await waitFor(() => text(el, 'cost').includes('1:40'), 'the dry run’s estimate');
    // 1,700 credits at 17 credits/s: the platform allows 100 s.
    expect(text(el, 'cost')).to.equal('Up to 1:40 per session, at most 1,700 credits ($0.17)');
    expect(await ledger()).to.deep.equal([]);
    expect(el.status).to.equal('disconnected');
  });

  it('with the balance at 0, shows the out-of-credits state before any click; no session exists', async () => {
    requireWebRTC();
    await resetEmulator({ balance: 0 });
    const { el } = await page();
    const refused = oneEvent(el, 'reactor-error');
    hover(el);
    const { detail } = (await refused) as CustomEvent<{ code: string; status: number }>;
    expect(detail.code).to.equal('payment-required');
    expect(detail.status).to.equal(402);
    await el.updateComplete;
    expect(text(el, 'error')).to.contain('out of credits (402)');
    expect(text(el, 'status')).to.equal('Not connected');
    expect(part(el, 'connect-button')).to.not.equal(null);
    expect(await ledger()).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('after a 5 s session the receipt shows the ledger’s effective cost, marked final; the balance settles on it', async () => {
    requireWebRTC();
    await resetEmulator();
    let fetches = 0;
    const { el, balance } = await page('<reactor-balance refresh="0"></reactor-balance>');
    // The site's balance route answers once, then hangs: only the platform's figure can settle.
    balance!.source = () =>
      ++fetches === 1 ? Promise.resolve({ credits: 1_000_000 }) : new Promise(() => {});
    await waitFor(() => balance!.credits === 1_000_000, 'the balance');
    const id = await liveFor(el, 5000);
    const receipt = oneEvent(el, 'reactor-receipt');
    const end = oneEvent(el, 'reactor-end');
    const logged = captureConsole();
    part(el, 'disconnect-button')!.click();
    await end;
    expect(el.receipt).to.equal(null, 'reactor-end comes first, with the meter’s figure');
    const { detail } = (await receipt) as CustomEvent<SessionReceiptDetail>;
    logged.restore();
    expect(logged.said).to.deep.equal([], 'the meter and the platform agree within a second');
    const entry = await ledgerEntry(id);
    expect(entry.state).to.equal('CLOSED');
    expect(detail).to.deep.equal({
      sessionId: id,
      billedSeconds: entry.billed_ms / 1000,
      credits: entry.credits,
      usd: entry.credits / 10_000,
      final: true,
    });
    expect(el.receipt!.credits).to.equal(entry.credits);
    await el.updateComplete;
    const cost = part(el, 'cost')!;
    expect(cost.hasAttribute('data-final')).to.equal(true);
    const credits = Math.round(entry.credits).toLocaleString('en');
    // The platform's seconds: it bills from its own ready, a moment after the page's.
    const billed = `0:${String(Math.floor(entry.billed_ms / 1000)).padStart(2, '0')}`;
    expect(textOf(cost)).to.match(
      new RegExp(`^Receipt \\(final, from Reactor\\): ${billed} billed · ${credits} credits`),
    );
    // Settled with the platform's figure, though the route was not fetched again.
    expect(fetches).to.be.greaterThan(1);
    expect(balance!.projected).to.be.closeTo(1_000_000 - entry.credits, 1e-6);
  });

  it('a session the platform ends for lack of credits says so, after the end', async () => {
    requireWebRTC();
    await resetEmulator({ balance: 17 * 1.5 }); // 1.5 s of helios
    const { el, balance } = await page('<reactor-balance refresh="0"></reactor-balance>');
    balance!.source = () => Promise.resolve({ credits: 25.5 });
    await waitFor(() => balance!.credits === 25.5, 'the balance');
    const ended = oneEvent(el, 'reactor-end');
    const refused = oneEvent(el, 'reactor-error');
    part(el, 'connect-button')!.click();
    const { reason, sessionId } = (
      (await ended) as CustomEvent<{ reason: string; sessionId: string }>
    ).detail;
    expect(reason).to.equal('server');
    const entry = await ledgerEntry(sessionId);
    expect(`${entry.ended_by}/${entry.end_detail}`).to.equal('fault/out of credits');
    const { detail } = (await refused) as CustomEvent<{ code: string }>;
    expect(detail.code).to.equal('payment-required');
    await el.updateComplete;
    expect(text(el, 'error')).to.contain('out of credits (402)');
    expect(el.status).to.equal('ended');
    await balance!.updateComplete;
    expect(text(balance!, 'base')).to.contain('Out of credits');
  });

  it('says when the platform billed more than a second beyond the meter', async () => {
    requireWebRTC();
    await resetEmulator();
    const { el } = await page();
    const id = await liveFor(el, 500);
    // A slow network: the DELETE arrives 1.5 s after the meter stopped, billed until then.
    await configureEmulator({ latencyMs: 1_500 });
    const logged = captureConsole();
    try {
      const receipt = oneEvent(el, 'reactor-receipt');
      part(el, 'disconnect-button')!.click();
      await receipt;
      const said =
        /Reactor billed [\d.]+ credits for session .*, the meter [\d.]+ \((\d+\.\d) s apart\)/.exec(
          logged.said.join('\n'),
        );
      expect(said, logged.said.join('\n')).to.not.equal(null);
      expect(Number(said![1])).to.be.greaterThan(1);
      expect(el.receipt!.credits).to.equal((await ledgerEntry(id)).credits);
    } finally {
      logged.restore();
      await configureEmulator({ latencyMs: 0 });
    }
  });

  it('a platform without dry runs or metadata gives today’s behaviour, with no error shown', async () => {
    requireWebRTC();
    await resetEmulator({ dryRun: false, sessionMetadata: false });
    const logged = captureConsole();
    try {
      const { el } = await page();
      const receipts: unknown[] = [];
      const errors: unknown[] = [];
      el.addEventListener('reactor-receipt', (e) => receipts.push(e));
      el.addEventListener('reactor-error', (e) => errors.push(e));
      hover(el);
      // The platform ignored ?dryRun=true and created a real session: it is ended at once.
      const made = await waitFor(async () => (await ledger())[0], 'the accidental session');
      await waitFor(async () => (await ledgerEntry(made.session_id)).state === 'CLOSED', 'its end');
      const accidental = await ledgerEntry(made.session_id);
      expect(accidental.ended_by).to.equal('client');
      expect(accidental.billed_ms).to.equal(0);
      await matrixRow({
        group: 'platform',
        scenario: 'a platform that ignores ?dryRun=true: the session it made is ended at once',
        ids: [made.session_id],
        goneAt: made.created_at,
      });
      expect(text(el, 'cost')).to.equal('Up to 5:00 per session, at most 5,100 credits ($0.51)');
      const id = await liveFor(el, 300);
      const end = oneEvent(el, 'reactor-end');
      part(el, 'disconnect-button')!.click();
      await end;
      await waitFor(async () => (await ledgerEntry(id)).state === 'CLOSED', 'the end');
      await sleep(300);
      expect(text(el, 'cost')).to.match(/^Receipt: 0:00 billed · [\d.]+ credits/);
      expect(el.receipt).to.equal(null);
      expect(receipts).to.deep.equal([]);
      expect(errors).to.deep.equal([]);
      expect(text(el, 'error')).to.equal('');
      expect(logged.said).to.deep.equal([]);
    } finally {
      logged.restore();
    }
  });
});
