import { expect } from '@open-wc/testing';
import { emulatorUrl, ledgerEntry, resetEmulator, waitFor } from '../helpers/emulator.js';
import { messageFrom } from '../helpers/frames.js';
import { requireWebRTC } from '../helpers/capabilities.js';

/**
 * The file a site gets (`vite build`: lit bundled, templates minified) runs a whole session: the
 * minified markup still renders, reads and clicks like the source, and the session ends in the
 * ledger as the client's.
 */
describe('the built bundle', function () {
  this.timeout(30_000);
  beforeEach(() => resetEmulator({ gpuDelayMs: 100 }));

  it('renders, goes live, ticks and ends a session as the client', async () => {
    requireWebRTC();
    const url = await emulatorUrl();
    const frame = document.createElement('iframe');
    const report = messageFrom<Record<string, string>>(frame, 'built');
    frame.srcdoc = `<body>
      <reactor-session model="helios" api-url="${url}" token-url="${url}/api/reactor-token"
        max-duration="120" idle-timeout="0"></reactor-session>
      <script type="module">
        await import('/__bundle/reactor-elements.js?copy=built');
        const el = document.querySelector('reactor-session');
        const text = (name) => el.shadowRoot.querySelector('[part~="' + name + '"]')?.textContent.replace(/\\s+/g, ' ').trim();
        const until = async (test) => { while (!test()) await new Promise((r) => setTimeout(r, 50)); };
        await until(() => (text('cost') || '').includes('credits'));
        const estimate = text('cost');
        const ready = new Promise((r) => el.addEventListener('reactor-ready', r, { once: true }));
        el.shadowRoot.querySelector('[part="connect-button"]').click();
        await ready;
        await until(() => el.billedSeconds >= 1.2);
        await el.updateComplete;
        const live = { status: text('status'), cost: text('cost'), countdown: text('countdown') };
        const ended = new Promise((r) => el.addEventListener('reactor-end', (e) => r(e.detail), { once: true }));
        el.shadowRoot.querySelector('[part="disconnect-button"]').click();
        const detail = await ended;
        await el.updateComplete;
        parent.postMessage({ built: true, estimate, ...live, receipt: text('cost'),
          ended: text('status'), sessionId: detail.sessionId, reason: detail.reason }, '*');
      </script></body>`;
    document.body.append(frame);
    const result = await report;
    frame.remove();
    expect(result.estimate).to.equal('Up to 2:00 per session, at most 2,040 credits ($0.20)');
    expect(result.status).to.equal('Live: billed per second');
    expect(result.cost).to.match(
      /^Billed so far: 0:011 second billed · \d+ credits \(\$0\.00\d\d\)$/,
    );
    expect(result.countdown).to.match(/^1:5\d1 minute 5\d seconds left$/); // m:ss, then in words
    expect(result.receipt).to.match(
      /^Receipt( \(final, from Reactor\))?: 0:0\d\d+ seconds? billed · \d+ credits/,
    );
    // What it shows, then the bill in words for a screen reader (hidden text, said once).
    expect(result.ended).to.match(
      /^Session ended\. You ended the session\. \d+ seconds? billed · /,
    );
    expect(result.reason).to.equal('user');
    const entry = await waitFor(async () => {
      const e = await ledgerEntry(result.sessionId!);
      return e.state === 'CLOSED' && e;
    }, 'the ledger to close the session');
    expect(entry.ended_by).to.equal('client');
  });

  it('keeps the space between a message and its top-up link (the minifier once trimmed it)', async () => {
    requireWebRTC(); // without WebRTC, Start says so instead of asking the platform
    const url = await emulatorUrl();
    await resetEmulator({ faults: [{ status: 402, times: 5, route: 'POST /sessions' }] });
    const frame = document.createElement('iframe');
    const report = messageFrom<Record<string, string>>(frame, 'topup');
    frame.srcdoc = `<body>
      <reactor-session model="helios" api-url="${url}" token-url="${url}/api/reactor-token"
        topup-url="https://example.com/credits"></reactor-session>
      <script type="module">
        await import('/__bundle/reactor-elements.js?copy=topup');
        const el = document.querySelector('reactor-session');
        await el.connect();
        await el.updateComplete;
        const error = el.shadowRoot.querySelector('[part~="error"]');
        parent.postMessage({ topup: true, text: error?.textContent.replace(/\\s+/g, ' ').trim() }, '*');
      </script></body>`;
    document.body.append(frame);
    const result = await report;
    frame.remove();
    expect(result.text).to.equal(
      'The account is out of credits (402). Top up to start a session. Top up credits',
    );
  });

  for (const order of [
    ['iife', 'de'],
    ['de', 'iife'],
  ]) {
    it(`speaks German with the locale script loaded ${order[0] === 'de' ? 'before' : 'after'} the classic bundle`, async () => {
      const url = await emulatorUrl();
      const frame = document.createElement('iframe');
      const report = messageFrom<Record<string, string>>(frame, 'german');
      const scripts = order
        .map((name) => `<script src="/__dist/reactor-elements.${name}.js"></script>`)
        .join('');
      frame.srcdoc = `<html lang="de"><body>
        <reactor-session model="helios" api-url="${url}" token-url="${url}/api/reactor-token"></reactor-session>
        <reactor-pricing api-url="${url}"></reactor-pricing>
        ${scripts}
        <script>
          const text = (el, name) => el.shadowRoot?.querySelector('[part~="' + name + '"]')?.textContent.replace(/\\s+/g, ' ').trim() || '';
          const session = document.querySelector('reactor-session');
          const pricing = document.querySelector('reactor-pricing');
          const until = async (test) => { while (!test()) await new Promise((r) => setTimeout(r, 50)); };
          until(() => text(session, 'cost').includes('Credits') && pricing.shadowRoot?.querySelector('th')).then(() =>
            parent.postMessage({ german: true, button: text(session, 'connect-button'),
              cost: text(session, 'cost'), header: pricing.shadowRoot.querySelector('th').textContent.trim(),
              api: typeof ReactorElements.registerTranslation }, '*'));
        </script></body></html>`;
      document.body.append(frame);
      const result = await report;
      frame.remove();
      expect(result.button).to.equal('Sitzung starten');
      expect(result.cost).to.match(/^Bis zu 5:00 pro Sitzung, höchstens 5\.100 Credits/);
      expect(result.header).to.equal('Modell');
      expect(result.api).to.equal('function');
    });
  }
});
