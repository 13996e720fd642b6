import { expect } from '@open-wc/testing';
import type { ReactorBalance, ReactorPricing, ReactorSession } from '../../src/index.js';
import { emulatorUrl, ledgerEntry, resetEmulator, waitFor } from '../helpers/emulator.js';
import { requireWebRTC } from '../helpers/capabilities.js';

/**
 * The framework fixtures (test/fixtures/<name>, built by `npm run test:fixtures` from the packed
 * tarball), each loaded in a frame on this origin. Every app renders the three elements its
 * framework's way, with no hand-written glue: the price of helios, a player whose token comes
 * from a `tokenProvider` function and whose `reactor-ready`/`reactor-end` go to the framework's
 * handlers (written to the app's `#log`), a balance from a `source` function, and a button that
 * removes the player the framework's way.
 */
/** The app's page, where it is not the build's index.html (a server-rendered route). */
const ENTRY: Record<string, string> = { next: '', astro: '/' };

async function openApp(name: string, url: string): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 700px';
  frame.src = `/__fixtures/${name}${ENTRY[name] ?? '/index.html'}?api=${encodeURIComponent(url)}`;
  document.body.append(frame);
  const doc = await waitFor(() => {
    const d = frame.contentDocument;
    const notBuilt = d?.getElementById('not-built');
    if (notBuilt) throw new Error(notBuilt.textContent ?? 'not built');
    return d?.querySelector('reactor-session')?.shadowRoot?.querySelector('[part="connect-button"]')
      ? d
      : undefined;
  }, `the ${name} app`);
  return doc;
}

const textOf = (el: Element | null | undefined) =>
  (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
const logOf = (doc: Document) => [...doc.querySelectorAll('#log li')].map((li) => li.textContent);

/** The ledger's word on a session: ended, and by whom. */
async function endedBy(id: string, label = 'the session to end'): Promise<string | null> {
  const entry = await waitFor(async () => {
    const e = await ledgerEntry(id);
    return e.state === 'CLOSED' && e;
  }, label);
  return entry.ended_by;
}

/**
 * What every app must show: the properties as the element sees them (so the framework set them
 * as properties), a price, the balance from its `source` function, the app's own handlers'
 * lines (`ready`, then `end <reason>`), and the ledger's session ended by the client.
 */
function expectWired(r: Awaited<ReturnType<typeof walk>>, endReason: string) {
  expect(r.props).to.deep.equal({
    maxDuration: 120,
    idleTimeout: 0,
    apiUrl: r.url,
    tokenProvider: 'function',
    source: 'function',
  });
  expect(r.price).to.not.include('could not');
  expect(r.credits).to.include('1,000 credits');
  expect(r.log).to.deep.equal([`ready ${r.id}`, `end ${endReason} ${r.id}`]);
  expect(r.ended).to.equal('client');
}

/** Runs the common walk through an app; `leave` removes (or hides) the player. */
async function walk(
  name: string,
  leave = (doc: Document) => doc.getElementById('unmount')!.click(),
) {
  const url = await emulatorUrl();
  const doc = await openApp(name, url);
  const session = doc.querySelector<ReactorSession>('reactor-session')!;
  const pricing = doc.querySelector<ReactorPricing>('reactor-pricing')!;
  const balance = doc.querySelector<ReactorBalance>('reactor-balance')!;
  // A server-rendered page upgrades the tags before hydration sets their properties.
  await waitFor(() => typeof session.tokenProvider === 'function', 'the app to set tokenProvider');
  const props = {
    maxDuration: session.maxDuration,
    idleTimeout: session.idleTimeout,
    apiUrl: session.apiUrl,
    tokenProvider: typeof session.tokenProvider,
    source: typeof balance.source,
  };
  const price = await waitFor(() => /\$\d/.test(textOf(pricing)) && textOf(pricing), 'a price');
  const credits = await waitFor(
    () => textOf(balance).includes('1,000') && textOf(balance),
    'the balance from its source',
  );
  requireWebRTC(); // all of the above ran
  session.shadowRoot!.querySelector<HTMLElement>('[part="connect-button"]')!.click();
  await waitFor(() => session.status === 'ready', 'the session to be live', 15_000);
  const id = session.sessionId!;
  expect((await ledgerEntry(id)).state).to.equal('ACTIVE');
  leave(doc);
  const ended = await endedBy(id);
  const log = await waitFor(
    () => logOf(doc).some((l) => l?.startsWith('end ')) && logOf(doc),
    "the app's reactor-end handler",
  );
  return {
    url,
    id,
    props,
    price,
    credits,
    log,
    ended,
    framework: doc.documentElement.dataset.framework,
  };
}

describe('the packed tarball in framework apps', function () {
  this.timeout(40_000);
  beforeEach(() => resetEmulator({ gpuDelayMs: 100 }));
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('Next.js (app router, server rendering, cacheComponents): the wrappers set properties after hydration, and the route left behind ends its session within the hidden grace', async () => {
    const url = await emulatorUrl();
    const html = await (await fetch(`/__fixtures/next?api=${encodeURIComponent(url)}`)).text();
    // Rendered on the server: the tags are in the page before any script runs.
    expect(html).to.match(/<reactor-session [^>]*model="helios"/);
    let left = 0;
    const r = await walk('next', (doc) => {
      left = performance.now();
      doc.getElementById('leave')!.click();
    });
    const endedAfter = (performance.now() - left) / 1000;
    expectWired(r, 'hidden');
    // The default hidden-timeout is 5 s; the ledger is polled, so allow its interval.
    expect(endedAfter).to.be.within(4, 8);
  });

  it("Astro (server rendering, ClientRouter): attributes from the server, properties and listeners in the page's script, and the soft navigation that swaps the player out ends its session as the client", async () => {
    const url = await emulatorUrl();
    const html = await (await fetch(`/__fixtures/astro/?api=${encodeURIComponent(url)}`)).text();
    expect(html).to.include(`<reactor-session model="helios" api-url="${url}" max-duration="120"`);
    const r = await walk('astro', (doc) => doc.getElementById('leave')!.click());
    expectWired(r, 'removed');
  });

  it('Angular (CUSTOM_ELEMENTS_SCHEMA, strict templates): bindings set properties, (reactor-end) hears an End, and @if removing the player ends its session as the client', async () => {
    // Ended by the page (as its own End button does, which ignores presses just after Start).
    const r = await walk('angular', (doc) =>
      doc.querySelector<ReactorSession>('reactor-session')!.disconnect(),
    );
    expect(r.framework).to.match(/^Angular 21\./);
    expectWired(r, 'user');
    // Again, then removed by @if. Angular takes the view's listeners off before it removes the
    // element, so the app does not hear this `reactor-end`; the ledger is the judge.
    const frame = document.querySelector('iframe')!;
    const doc = frame.contentDocument!;
    const session = doc.querySelector<ReactorSession>('reactor-session')!;
    session.shadowRoot!.querySelector<HTMLElement>('[part="connect-button"]')!.click();
    await waitFor(() => session.status === 'ready', 'the second session to be live', 15_000);
    const second = session.sessionId!;
    doc.getElementById('unmount')!.click();
    expect(await endedBy(second, 'the second session to end')).to.equal('client');
    expect(session.isConnected).to.equal(false);
  });

  const apps: Record<string, RegExp> = {
    react18: /^React 18\./,
    react19: /^React 19\./,
    vue: /^Vue 3\./,
    svelte: /^Svelte$/,
    solid: /^Solid$/,
  };
  for (const [name, framework] of Object.entries(apps)) {
    it(`${name}: properties and events without glue, and removing the player ends its session as the client`, async () => {
      const r = await walk(name);
      expect(r.framework).to.match(framework);
      expectWired(r, 'removed');
    });
  }
});
