import { expect } from '@open-wc/testing';
import { emulatorUrl, ledgerEntry, resetEmulator, waitFor } from '../helpers/emulator.js';
import { messageFrom } from '../helpers/frames.js';

/**
 * `demo/react-app.jsx` in React 19 (StrictMode): React sets the element's properties (a number,
 * a function) and listens to its `reactor-*` events; unmounting the player ends its session.
 */
describe('in a React 19 app', function () {
  this.timeout(30_000);
  beforeEach(() => resetEmulator({ gpuDelayMs: 100 }));

  it('sets properties, hears reactor-* events, and unmounting ends the session', async () => {
    const url = await emulatorUrl();
    const frame = document.createElement('iframe');
    const report = messageFrom<Record<string, unknown>>(frame, 'react');
    frame.srcdoc = `<div id="app"></div>
      <script type="module">
        await import('/src/index.ts');
        const { mount } = await import('/__vendor/react-app.js');
        mount(document.getElementById('app'), ${JSON.stringify(url)}, ${JSON.stringify(`${url}/api/reactor-token`)});
        const until = async (test) => { while (!test()) await new Promise((r) => setTimeout(r, 50)); };
        await until(() => document.querySelector('reactor-session')?.shadowRoot?.querySelector('[part="connect-button"]'));
        const el = document.querySelector('reactor-session');
        const props = { maxDuration: el.maxDuration, idleTimeout: el.idleTimeout, apiUrl: el.apiUrl,
          provider: typeof el.tokenProvider };
        el.shadowRoot.querySelector('[part="connect-button"]').click();
        const log = () => [...document.querySelectorAll('#log li')].map((li) => li.textContent);
        await until(() => log().some((line) => line.startsWith('ready ')));
        const sessionId = el.sessionId;
        document.getElementById('unmount').click();
        await until(() => !document.querySelector('reactor-session'));
        await until(() => log().some((line) => line.startsWith('end ')));
        parent.postMessage({ react: true, props, log: log(), sessionId }, '*');
      </script>`;
    document.body.append(frame);
    const result = await report;
    expect(result.props).to.deep.equal({
      maxDuration: 120,
      idleTimeout: 0,
      apiUrl: url,
      provider: 'function',
    });
    const id = result.sessionId as string;
    expect(result.log).to.deep.equal([`ready ${id}`, `end removed ${id}`]);
    const entry = await waitFor(async () => {
      const e = await ledgerEntry(result.sessionId as string);
      return e.state === 'CLOSED' && e;
    }, 'the unmounted player to end its session');
    expect(entry.ended_by).to.equal('client');
    frame.remove();
  });

  it("a player in an <Activity> switched to hidden (Next.js's cached route) ends its session as the client", async () => {
    const url = await emulatorUrl();
    const frame = document.createElement('iframe');
    const report = messageFrom<Record<string, unknown>>(frame, 'react');
    frame.srcdoc = `<div id="app"></div>
      <script type="module">
        await import('/src/index.ts');
        const { mount } = await import('/__vendor/react-app.js');
        mount(document.getElementById('app'), ${JSON.stringify(url)}, ${JSON.stringify(`${url}/api/reactor-token`)});
        const until = async (test) => { while (!test()) await new Promise((r) => setTimeout(r, 50)); };
        await until(() => document.querySelector('reactor-session')?.shadowRoot?.querySelector('[part="connect-button"]'));
        const el = document.querySelector('reactor-session');
        el.shadowRoot.querySelector('[part="connect-button"]').click();
        const log = () => [...document.querySelectorAll('#log li')].map((li) => li.textContent);
        await until(() => el.status === 'ready');
        const sessionId = el.sessionId;
        document.getElementById('hide').click();
        const hiddenAt = Date.now();
        await until(() => el.status === 'ended');
        parent.postMessage({ react: true, log: log(), sessionId, after: Date.now() - hiddenAt,
          connected: el.isConnected, display: getComputedStyle(el).display }, '*');
      </script>`;
    document.body.append(frame);
    const result = await report;
    const id = result.sessionId as string;
    // React kept the element on the page, hidden; the grace (hiddenTimeout 2 s) passed first.
    expect([result.connected, result.display]).to.deep.equal([true, 'none']);
    expect(result.after as number).to.be.within(2000, 4000);
    expect(result.log).to.include(`end hidden ${id}`);
    const entry = await waitFor(async () => {
      const e = await ledgerEntry(id);
      return e.state === 'CLOSED' && e;
    }, 'the hidden player to end its session');
    expect(entry.ended_by).to.equal('client');
    frame.remove();
  });

  for (const react of ['18', '19'] as const) {
    it(`React ${react} with reactor-elements/react: typed props as properties, onReactor… events, unmount ends the session`, async () => {
      const url = await emulatorUrl();
      const frame = document.createElement('iframe');
      const report = messageFrom<Record<string, unknown>>(frame, 'react');
      frame.srcdoc = `<div id="app"></div>
        <script type="module">
          const { mount } = await import('/__vendor/react${react}-wrappers.js');
          mount(document.getElementById('app'), ${JSON.stringify(url)}, ${JSON.stringify(`${url}/api/reactor-token`)});
          const until = async (test) => { while (!test()) await new Promise((r) => setTimeout(r, 50)); };
          await until(() => document.querySelector('reactor-session')?.shadowRoot?.querySelector('[part="connect-button"]'));
          const el = document.querySelector('reactor-session');
          const props = { maxDuration: el.maxDuration, idleTimeout: el.idleTimeout, apiUrl: el.apiUrl,
            provider: typeof el.tokenProvider, attribute: el.getAttribute('maxduration') };
          el.shadowRoot.querySelector('[part="connect-button"]').click();
          const log = () => [...document.querySelectorAll('#log li')].map((li) => li.textContent);
          await until(() => log().some((line) => line.startsWith('ready ')));
          const sessionId = el.sessionId;
          document.getElementById('unmount').click();
          await until(() => log().some((line) => line.startsWith('end ')));
          parent.postMessage({ react: true, version: document.querySelector('[data-react]').dataset.react,
            props, log: log(), sessionId }, '*');
        </script>`;
      document.body.append(frame);
      const result = await report;
      expect(result.version as string).to.match(new RegExp(`^${react}\\.`));
      expect(result.props).to.deep.equal({
        maxDuration: 120,
        idleTimeout: 0,
        apiUrl: url,
        provider: 'function',
        attribute: null, // a property, not the lower-cased attribute React 18 would have written
      });
      const id = result.sessionId as string;
      expect(result.log).to.deep.equal(['prices 2', `ready ${id}`, `end removed ${id}`]);
      const entry = await waitFor(async () => {
        const e = await ledgerEntry(id);
        return e.state === 'CLOSED' && e;
      }, 'the unmounted player to end its session');
      expect(entry.ended_by).to.equal('client');
      frame.remove();
    });
  }
});
