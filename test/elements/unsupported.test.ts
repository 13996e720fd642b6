import { expect, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import { part } from '../helpers/dom.js';
import { ledger, resetEmulator } from '../helpers/emulator.js';
import { partText, sessionFixture, sleep } from '../helpers/session.js';
import { webrtc } from '../helpers/capabilities.js';

/**
 * A browser without WebRTC (Debian's WebKitGTK, some in-app browsers and managed devices): the
 * player says so on Start, tells the page with a `reactor-error` of code `unsupported`, and asks
 * for nothing: no token (not even the one fetched ahead when the pointer reaches Start) and no
 * session. Where the browser has WebRTC, it is taken away for the test.
 */
describe('a browser without WebRTC', () => {
  let saved: PropertyDescriptor | undefined;
  beforeEach(async () => {
    await resetEmulator();
    saved = Object.getOwnPropertyDescriptor(window, 'RTCPeerConnection');
    if (webrtc)
      Object.defineProperty(window, 'RTCPeerConnection', { value: undefined, configurable: true });
  });
  afterEach(() => {
    if (saved) Object.defineProperty(window, 'RTCPeerConnection', saved);
  });

  it('says live video cannot play here, fires reactor-error "unsupported", and fetches no token and creates no session', async () => {
    const el = await sessionFixture();
    let asked = 0;
    const route = el.tokenUrl;
    el.tokenUrl = '';
    el.tokenProvider = async () => {
      asked += 1;
      return (await fetch(route)).json();
    };
    const start = part(el, 'connect-button')!;
    start.dispatchEvent(new PointerEvent('pointerenter')); // would fetch the token ahead
    start.focus();
    await sleep(100);
    const error = oneEvent(el, 'reactor-error');
    start.click();
    const { detail } = await error;
    await el.updateComplete;
    expect(detail.code).to.equal('unsupported');
    expect(detail.setup).to.equal(false);
    expect(detail.message).to.equal('This browser cannot play live video.');
    expect(partText(el, 'error')).to.equal('This browser cannot play live video.');
    expect(el.status).to.not.equal('ready');
    // Start stays, for a visitor who switches browsers… or for the page to explain.
    expect(part(el, 'connect-button')).to.not.equal(null);
    expect(asked).to.equal(0);
    expect(await ledger()).to.deep.equal([]);
  });
});
