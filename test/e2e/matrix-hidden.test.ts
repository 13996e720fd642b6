/**
 * The money-never-lost matrix, a player nobody can see: the element stays on the page (a
 * framework hid its route, a panel closed) but cannot be seen. Past `hidden-timeout` the session
 * ends as the client (reason `hidden`); shown again sooner, it goes on; scrolled out of view is
 * not hidden. Judged by the ledger.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { ReactorSession, SessionEndDetail } from '../../src/index.js';
import { closedEntry, resetEmulator } from '../helpers/emulator.js';
import { matrixRow } from '../helpers/matrix.js';
import { goLive, partText, sessionMarkup, sleep } from '../helpers/session.js';

/** A live player (hidden-timeout 1 s) inside a wrapper, as a framework would render it. */
async function livePlayer(attributes = 'hidden-timeout="1"') {
  const markup = await sessionMarkup({ attributes: `idle-timeout="0" ${attributes}` });
  const box = await fixture<HTMLDivElement>(
    html`<div><section class="route" .innerHTML=${markup}></section></div>`,
  );
  const route = box.querySelector<HTMLElement>('.route')!;
  const el = box.querySelector<ReactorSession>('reactor-session')!;
  await el.updateComplete;
  const id = await goLive(el);
  return { box, route, el, id };
}

const HIDINGS: [string, (route: HTMLElement, el: ReactorSession) => void][] = [
  // React's <Activity mode="hidden"> and Next.js's cached routes: display none on the wrapper.
  ['display: none on an ancestor (a hidden route)', (route) => (route.style.display = 'none')],
  ['the hidden attribute on the player', (_, el) => (el.hidden = true)],
  [
    'content-visibility: hidden on an ancestor',
    (route) => (route.style.contentVisibility = 'hidden'),
  ],
  ['visibility: hidden on an ancestor', (route) => (route.style.visibility = 'hidden')],
];

describe('matrix: a player nobody can see', function () {
  this.timeout(30_000);
  beforeEach(() => resetEmulator({ gpuDelayMs: 50 }));
  // A failed row must not leave its player live (one session per visitor: the next would wait).
  afterEach(() => document.querySelectorAll('reactor-session').forEach((el) => el.disconnect()));

  for (const [how, hide] of HIDINGS) {
    it(`${how}: ended as the client once hidden-timeout has passed`, async () => {
      const { route, el, id } = await livePlayer();
      const ended = oneEvent(el, 'reactor-end');
      hide(route, el);
      const hiddenAt = Date.now();
      const { detail } = (await ended) as CustomEvent<SessionEndDetail>;
      expect(detail.reason).to.equal('hidden');
      expect(Date.now() - hiddenAt).to.be.at.least(1000); // not before the grace
      expect((await closedEntry(id)).ended_by).to.equal('client');
      route.style.cssText = '';
      el.hidden = false;
      await el.updateComplete;
      expect(partText(el, 'status')).to.contain('Ended when the player was hidden.');
      await matrixRow({
        group: 'hidden',
        scenario: `${how}, hidden-timeout 1 s`,
        ids: [id],
        goneAt: hiddenAt + 1000,
      });
    });
  }

  it('shown again within the grace, the session goes on', async () => {
    const { route, el, id } = await livePlayer('hidden-timeout="2"');
    route.style.display = 'none';
    await sleep(1200);
    route.style.display = '';
    await sleep(2000); // past the grace, counted from the first hiding
    expect(el.status).to.equal('ready');
    expect(el.sessionId).to.equal(id);
    el.disconnect();
  });

  it('scrolled out of view is not hidden, and hidden-timeout="0" never ends it', async () => {
    // Two players at once: each its own session (exclusive="false").
    const scrolled = await livePlayer('hidden-timeout="1" exclusive="false"');
    const spacer = document.createElement('div');
    spacer.style.height = '300vh';
    scrolled.box.prepend(spacer);
    window.scrollTo(0, 0); // the player is far below the fold
    const off = await livePlayer('hidden-timeout="0" exclusive="false"');
    off.route.style.display = 'none';
    await sleep(1800);
    expect([scrolled.el.status, off.el.status]).to.deep.equal(['ready', 'ready']);
    scrolled.el.disconnect();
    off.el.disconnect();
  });
});
