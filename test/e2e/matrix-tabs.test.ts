import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { ReactorSession } from '../../src/index.js';
import { emulatorUrl, ledger, resetEmulator, waitFor } from '../helpers/emulator.js';
import { matrixRow } from '../helpers/matrix.js';
import { tab } from '../helpers/tabs.js';
import { part, textOf } from '../helpers/dom.js';
import { goLive as live } from '../helpers/session.js';
import { requireWebRTC } from '../helpers/capabilities.js';

/**
 * The money-never-lost matrix, several tabs (#13): one live session per visitor across the
 * site's tabs and players by default (Web Locks; src/platform/tab-lock.ts). A second one shows
 * "live in another tab" and offers to move it here, which ends the first before starting.
 */
async function players(attrs = ''): Promise<[ReactorSession, ReactorSession]> {
  const url = await emulatorUrl();
  const one = `<reactor-session model="helios" api-url="${url}" token-url="${url}/api/reactor-token" idle-timeout="0" ${attrs}></reactor-session>`;
  const box = await fixture<HTMLDivElement>(html`<div .innerHTML=${one + one}></div>`);
  const [a, b] = box.querySelectorAll('reactor-session');
  return [a, b];
}

describe('matrix: several tabs', function () {
  this.timeout(60_000);
  beforeEach(() => resetEmulator({ gpuDelayMs: 50 }));

  it('two players on one page: the second offers to move the session, which ends the first before starting', async () => {
    const [first, second] = await players();
    const firstId = await live(first);
    part(second, 'connect-button')!.click();
    await waitFor(() => second.status === 'elsewhere', 'the second player to see the first');
    await second.updateComplete;
    expect(textOf(part(second, 'status'))).to.equal(
      'Your session is live in another player on this page.',
    );
    expect(textOf(part(second, 'take-over-button'))).to.equal('Move it here');
    expect(await ledger()).to.have.length(1);
    const moved = oneEvent(first, 'reactor-end');
    const movedAt = Date.now();
    const secondId = await live(second, 'take-over-button');
    expect(((await moved).detail as { reason: string }).reason).to.equal('moved');
    await first.updateComplete;
    expect(textOf(part(first, 'status'))).to.equal(
      'Session ended. It moved to another player on this page.',
    );
    const [a, b] = await ledger();
    // Never two at once: the second was created after the first was closed.
    expect(b.created_at).to.be.at.least(a.terminated_at!);
    const goneAt = Date.now();
    second.disconnect();
    await matrixRow({
      group: 'tabs',
      scenario: 'two players on one page: moved to the second, then End',
      ids: [firstId, secondId],
      goneAt: null,
      goneAtById: { [firstId]: movedAt, [secondId]: goneAt },
    });
  });

  it('exclusive="false": two players run side by side, and both end when the page goes', async () => {
    const [first, second] = await players('exclusive="false"');
    const ids = [await live(first), await live(second)];
    expect((await ledger()).map((e) => e.state)).to.deep.equal(['ACTIVE', 'ACTIVE']);
    const goneAt = Date.now();
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    const row = await matrixRow({
      group: 'tabs',
      scenario: 'exclusive="false": two players on one page, page left',
      ids,
      goneAt,
    });
    expect(row.endedBy).to.equal('client');
  });

  it('two tabs: the second shows "live in another tab"; moving it ends the first tab\'s session first', async () => {
    requireWebRTC();
    const apiUrl = await emulatorUrl();
    const a = await tab<{ tab: number; sessionId: string }>({ op: 'open', apiUrl });
    const b = await tab<{ tab: number }>({ op: 'open', apiUrl, waitReady: false });
    const statusOf = (t: number) =>
      tab<string>({ op: 'eval', tab: t, js: `document.querySelector('reactor-session')?.status` });
    await waitFor(async () => (await statusOf(b.tab)) === 'elsewhere', 'the second tab to wait');
    expect(
      await tab<string>({
        op: 'eval',
        tab: b.tab,
        js: `document.querySelector('reactor-session').shadowRoot.querySelector('[part~="status"]').textContent.trim()`,
      }),
    ).to.equal('Your session is live in another tab.');
    expect(await ledger()).to.have.length(1);
    const movedAt = Date.now();
    expect(await tab<boolean>({ op: 'click', tab: b.tab, part: 'take-over-button' })).to.equal(
      true,
    );
    const bId = await waitFor(
      () => tab<string | false>({ op: 'eval', tab: b.tab, js: 'window.reactorReady || false' }),
      'the second tab to be live',
    );
    expect(await tab<string>({ op: 'eval', tab: a.tab, js: 'window.reactorEnd' })).to.equal(
      'moved',
    );
    const status = (t: number) =>
      tab<string>({
        op: 'eval',
        tab: t,
        js: `document.querySelector('reactor-session').shadowRoot.querySelector('[part~="status"]').textContent.trim()`,
      });
    // What it shows, then its bill for a screen reader (hidden text, said once with the end).
    expect(await status(a.tab)).to.match(
      /^Session ended\. It moved to another tab\.\s+\d+ seconds? billed · /,
    );
    const [first, second] = await ledger();
    expect(second.created_at).to.be.at.least(first.terminated_at!);
    const closedAt = Date.now();
    await tab({ op: 'close', tab: b.tab });
    await tab({ op: 'close', tab: a.tab });
    await matrixRow({
      group: 'tabs',
      scenario: 'two tabs: moved to the second tab, then it was closed',
      ids: [a.sessionId, bId],
      goneAt: null,
      goneAtById: { [a.sessionId]: movedAt, [bId]: closedAt },
    });
  });
});
