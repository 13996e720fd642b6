import { expect } from '@open-wc/testing';
import { emulatorUrl, ledgerEntry, resetEmulator, waitFor } from '../helpers/emulator.js';
import { messageFrom } from '../helpers/frames.js';
import { requireWebRTC } from '../helpers/capabilities.js';

/**
 * React apps in a frame: `demo/react-app.jsx` (React 19, the bare tags: React sets the element's
 * properties and listens to its `reactor-*` events) and `test/fixtures/react18/app.jsx` (the
 * components of `reactor-elements/react`, built with React 18 and with React 19; importing them
 * registers the tags). The app is
 * mounted, its player started with its own Start button; `steps` then runs in the frame (with
 * `el`, the player, `until(test)` and `log()`, the app's event log) and posts its report.
 */
async function inReactApp(
  app: string,
  steps: string,
  /** Load the library's sources first (the bare tags need them; for the components, a copy). */
  library = app === 'react-app',
): Promise<Record<string, unknown>> {
  requireWebRTC();
  const url = await emulatorUrl();
  const frame = document.createElement('iframe');
  const report = messageFrom<Record<string, unknown>>(frame, 'react');
  frame.srcdoc = `<div id="app"></div>
    <script type="module">
      ${library ? "await import('/src/index.ts');" : ''}
      const { mount } = await import('/__vendor/${app}.js');
      mount(document.getElementById('app'), ${JSON.stringify(url)}, ${JSON.stringify(`${url}/api/reactor-token`)});
      const until = async (test) => { while (!test()) await new Promise((r) => setTimeout(r, 50)); };
      const log = () => [...document.querySelectorAll('#log li')].map((li) => li.textContent);
      await until(() => document.querySelector('reactor-session')?.shadowRoot?.querySelector('[part="connect-button"]'));
      const el = document.querySelector('reactor-session');
      const props = { maxDuration: el.maxDuration, idleTimeout: el.idleTimeout, apiUrl: el.apiUrl,
        provider: typeof el.tokenProvider, attribute: el.getAttribute('maxduration') };
      el.shadowRoot.querySelector('[part="connect-button"]').click();
      await until(() => el.status === 'ready');
      const sessionId = el.sessionId;
      ${steps}
    </script>`;
  document.body.append(frame);
  try {
    return { url, ...(await report) };
  } finally {
    frame.remove();
  }
}

/** Unmounts the player (the app's own button) and reports what the app saw. */
const UNMOUNT = `
  document.getElementById('unmount').click();
  await until(() => log().some((line) => line.startsWith('end ')));
  parent.postMessage({ react: true, version: document.querySelector('[data-react]')?.dataset.react,
    props, log: log(), sessionId }, '*');`;

/** The ledger's word on a session: ended, and by whom. */
async function endedBy(id: string): Promise<string | null> {
  const entry = await waitFor(async () => {
    const e = await ledgerEntry(id);
    return e.state === 'CLOSED' && e;
  }, 'the session to end');
  return entry.ended_by;
}

describe('in a React app', function () {
  this.timeout(30_000);
  beforeEach(() => resetEmulator({ gpuDelayMs: 100 }));

  it('React 19, the bare tags: sets properties, hears reactor-* events, and unmounting ends the session', async () => {
    const result = await inReactApp('react-app', UNMOUNT);
    expect(result.props).to.deep.equal({
      maxDuration: 120,
      idleTimeout: 0,
      apiUrl: result.url,
      provider: 'function',
      attribute: null,
    });
    const id = result.sessionId as string;
    expect(result.log).to.deep.equal([`ready ${id}`, `end removed ${id}`]);
    expect(await endedBy(id)).to.equal('client');
  });

  it("a player in an <Activity> switched to hidden (Next.js's cached route) ends its session as the client", async () => {
    const result = await inReactApp(
      'react-app',
      `document.getElementById('hide').click();
      const hiddenAt = Date.now();
      await until(() => el.status === 'ended' && log().some((line) => line.startsWith('end ')));
      parent.postMessage({ react: true, log: log(), sessionId, after: Date.now() - hiddenAt,
        connected: el.isConnected, display: getComputedStyle(el).display }, '*');`,
    );
    const id = result.sessionId as string;
    // React kept the element on the page, hidden; the grace (hiddenTimeout 2 s) passed first.
    expect([result.connected, result.display]).to.deep.equal([true, 'none']);
    expect(result.after as number).to.be.within(2000, 4000);
    expect(result.log).to.include(`end hidden ${id}`);
    expect(await endedBy(id)).to.equal('client');
  });

  for (const [react, before] of [
    ['18', false],
    ['19', false],
    ['18', true],
  ] as const) {
    it(`React ${react} with reactor-elements/react${before ? ', after another copy of the library' : ''}: typed props as properties, onReactor… events, unmount ends the session`, async () => {
      const result = await inReactApp(`react${react}-wrappers`, UNMOUNT, before);
      expect(result.version as string).to.match(new RegExp(`^${react}\\.`));
      expect(result.props).to.deep.equal({
        maxDuration: 120,
        idleTimeout: 0,
        apiUrl: result.url,
        provider: 'function',
        attribute: null, // a property, not the lower-cased attribute React 18 would have written
      });
      const id = result.sessionId as string;
      expect(result.log).to.deep.equal(['prices 2', `ready ${id}`, `end removed ${id}`]);
      expect(await endedBy(id)).to.equal('client');
    });
  }
});
