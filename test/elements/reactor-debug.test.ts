/**
 * `<reactor-session debug>` with the checklist script (`src/debug/index.ts`, shipped as
 * `reactor-elements.debug.js`): each line as the owner reads it, against this file's emulator,
 * and one deliberate mistake per row with the fix the owner is given. The checklist itself never
 * creates a session.
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import '../../src/debug/index.js';
import type { ReactorDebug } from '../../src/debug/index.js';
import type { ReactorSession } from '../../src/index.js';
import { emulatorUrl, ledger, resetEmulator, waitFor } from '../helpers/emulator.js';
import { part, parts, textOf } from '../helpers/dom.js';
import { sessionFixture } from '../helpers/session.js';
import { otherOrigin } from '../helpers/builders.js';
import { requireWebRTC } from '../helpers/capabilities.js';

/** A line as a screen reader says it (the mark beside it is hidden from it). */
const said = (li: HTMLElement) => textOf(li.querySelector('span:not(.mark)'));

/**
 * The checklist of a session element with `attributes` (after `change`, run before the checks
 * run again), once its checks have run.
 */
async function checklist(
  attributes: string,
  model = 'helios',
  change?: (el: ReactorSession) => void,
) {
  const el = await sessionFixture({ attributes: `debug ${attributes}`, model });
  const debug = el.shadowRoot!.querySelector<ReactorDebug>('reactor-debug')!;
  await waitFor(() => debug.checks !== null, 'the checks');
  if (change) {
    change(el);
    await debug.recheck();
  }
  await debug.updateComplete;
  const lines = parts(debug, 'item').map((li) => ({ level: li.dataset.level, text: said(li) }));
  const line = (label: string) => lines.find((l) => l.text.includes(`: ${label}.`))!;
  const status = textOf(debug.shadowRoot!.querySelector('[role="status"]'));
  return { el, debug, lines, line, status };
}

describe('<reactor-debug> (the setup checklist)', function () {
  this.timeout(20_000);
  beforeEach(() => resetEmulator());

  it('on a good setup: every line passes or is a note, and it says how many ran', async () => {
    requireWebRTC();
    const { debug, lines, line } = await checklist('');
    expect(lines.map((l) => l.text.split('.')[0])).to.deep.equal([
      'Note: Page and frame',
      'Passed: Secure context',
      'Passed: Live video (WebRTC)',
      'Passed: Token route',
      'Passed: Reactor API',
      'Passed: Locks and storage',
      lines[6]!.text.split('.')[0], // autoplay: a pass or a note, by browser
    ]);
    expect(line('Page and frame').text).to.contain('Runs in the page itself');
    expect(line('Token route').text).to.match(/answers a session token \(valid \d+ s more\)/);
    expect(line('Reactor API').text).to.contain('helios costs 17 credits a second');
    expect(textOf(debug.shadowRoot!.querySelector('[role="status"]'))).to.equal(
      'All 7 checks passed or are notes.',
    );
    // A fix only beside a note (Firefox's autoplay note says how a frame can allow sound).
    const fixed = parts(debug, 'fix').map((fix) => fix.closest('li')!.dataset.level);
    expect(fixed.every((level) => level === 'info')).to.equal(true);
    // It asked for a token and read the prices: nothing was created.
    expect(await ledger()).to.deep.equal([]);
  });

  it('a token route on another origin without CORS: failed, with the origin to allow', async () => {
    requireWebRTC();
    const { line, status } = await checklist('', 'helios', (el) => {
      el.tokenUrl = `${otherOrigin()}/__emulator`;
    });
    const token = line('Token route');
    expect(token.level).to.equal('fail');
    expect(token.text).to.contain('most likely CORS');
    expect(token.text).to.contain(`Fix: Allow ${location.origin} on the token route`);
    expect(status).to.equal('1 of 7 checks failed.');
  });

  it('a token-url that answers 404, or a page instead of a token: failed, with the fix', async () => {
    const api = await emulatorUrl();
    const missing = await checklist('', 'helios', (el) => {
      el.tokenUrl = `${api}/no-such-route`;
    });
    expect(missing.line('Token route').level).to.equal('fail');
    expect(missing.line('Token route').text).to.contain('(404)');
    expect(missing.line('Token route').text).to.contain('Fix: Check the path of token-url');
    const page = await checklist('', 'helios', (el) => {
      el.tokenUrl = `${api}/pricing`;
    });
    expect(page.line('Token route').text).to.contain('not {jwt, expires_at}');
  });

  it('a model with no price, and no token-url at all (the attribute removed)', async () => {
    const typo = await checklist('', 'heilos');
    expect(typo.line('Reactor API').level).to.equal('fail');
    expect(typo.line('Reactor API').text).to.contain(
      'model "heilos" has no price there (priced: helios, lingbot)',
    );
    const none = await checklist('', 'helios', (el) => el.removeAttribute('token-url'));
    expect(none.line('Token route').text).to.contain('No token-url. Fix: Deploy a token route');
  });

  it('is absent without debug, and a keyboard user can run it again', async () => {
    const plain = await sessionFixture();
    expect(plain.shadowRoot!.querySelector('reactor-debug')).to.equal(null);
    const { debug, el } = await checklist('');
    const button = part(debug, 'recheck-button') as HTMLButtonElement;
    expect(textOf(button)).to.equal('Check again');
    const again = new Promise((resolve) => debug.addEventListener('reactor-debug-checks', resolve));
    button.click();
    await again;
    el.debug = false;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('reactor-debug')).to.equal(null);
  });
});
