import { expect } from '@open-wc/testing';
import {
  emulatorUrl,
  fetchToken,
  ledger,
  ledgerEntry,
  resetEmulator,
  waitFor,
} from '../helpers/emulator.js';
import { messageFrom } from '../helpers/frames.js';
import { requireWebRTC } from '../helpers/capabilities.js';

interface Report {
  error?: string;
  global: string;
  pricing: string;
  balance: string;
  videoWidth: number;
  sessionId: string;
  reason: string;
  violations: string[];
}

/**
 * Loads a plain page (one build, one external driver script) and waits for its report. The page
 * stays until `after` has checked the ledger (leaving it could cancel a DELETE still in flight).
 */
async function visit(page: string, after: (seen: Report) => Promise<void>): Promise<void> {
  const frame = document.createElement('iframe');
  const report = messageFrom<Report>(frame, 'csp');
  frame.src = `/__csp/${page}${page.includes('?') ? '&' : '?'}api=${encodeURIComponent(await emulatorUrl())}`;
  document.body.append(frame);
  try {
    await after(await report);
  } finally {
    frame.remove();
  }
}

describe('the built bundles under a strict Content-Security-Policy', function () {
  this.timeout(30_000);
  beforeEach(() => resetEmulator({ gpuDelayMs: 100 }));

  const pages = [
    ['iife', 'iife.html'],
    ['esm', 'esm.html'],
    ['iife + Trusted Types', 'iife.html?trusted-types'],
  ] as const;
  for (const [format, page] of pages) {
    it(`${format}: prices, balance and a whole session, with no CSP violation, ended by the client`, async () => {
      requireWebRTC();
      await visit(page, async (seen) => {
        expect(seen.error).to.equal(undefined);
        expect(seen.violations).to.deep.equal([]);
        // The classic script also exposes the classes as window.ReactorElements.
        expect(seen.global).to.equal(format === 'esm' ? 'undefined' : 'object');
        expect(seen.pricing).to.match(/^helios 17 credits\/s · \$0\.10\/min$/);
        expect(seen.balance).to.match(/credits/);
        expect(seen.videoWidth).to.be.above(0);
        expect(seen.reason).to.equal('user');
        const entry = await waitFor(async () => {
          const e = await ledgerEntry(seen.sessionId);
          return e.state === 'CLOSED' && e;
        }, 'the ledger to close the session');
        expect(entry.ended_by).to.equal('client');
      });
    });
  }

  it('a CSP without the API origin in connect-src is named as the setup mistake it is', async () => {
    requireWebRTC();
    const url = await emulatorUrl();
    const jwt = await fetchToken();
    const frame = document.createElement('iframe');
    const seen = messageFrom<Record<string, unknown>>(frame, 'blocked');
    frame.src = `/__csp/blocked.html?jwt=${encodeURIComponent(jwt)}&api=${encodeURIComponent(url)}`;
    document.body.append(frame);
    const result = await seen;
    frame.remove();
    const detail = result.detail as { setup: boolean; code: string; message: string };
    expect([detail.code, detail.setup]).to.deep.equal(['network', true]);
    expect(detail.message).to.equal(
      `The page's Content-Security-Policy blocks requests to ${new URL(url).origin}: add it to connect-src.`,
    );
    expect(result.shown).to.equal('Live sessions are not available on this page right now.');
    expect(result.logged).to.deep.equal([
      `[reactor-elements] <reactor-session>: ${detail.message}`,
    ]);
    expect(await ledger()).to.deep.equal([]);
  });

  it('the setup checklist names the CSP that blocks the API and the token route, with the fix', async () => {
    const url = await emulatorUrl();
    const origin = new URL(url).origin;
    const frame = document.createElement('iframe');
    const seen = messageFrom<{
      checks: { label: string; level: string; detail: string; fix?: string }[];
    }>(frame, 'checklist');
    frame.src = `/__csp/checklist.html?api=${encodeURIComponent(url)}`;
    document.body.append(frame);
    const { checks } = await seen;
    frame.remove();
    for (const label of ['Token route', 'Reactor API']) {
      const line = checks.find((c) => c.label === label)!;
      expect([line.level, line.detail], label).to.deep.equal([
        'fail',
        `The page's Content-Security-Policy blocks ${origin}: add it to connect-src.`,
      ]);
      expect(line.fix).to.contain('connect-src');
    }
    expect(await ledger()).to.deep.equal([]);
  });

  it('reports a violation when the API origin is missing from connect-src (the probe works)', async () => {
    // A request to an origin outside connect-src fires the event the driver listens for, so an
    // empty violation list above means none happened.
    const frame = document.createElement('iframe');
    const violation = new Promise<string>((resolve) =>
      window.addEventListener('message', function on(e: MessageEvent) {
        if (e.data?.violation) {
          window.removeEventListener('message', on);
          resolve(e.data.violation as string);
        }
      }),
    );
    frame.srcdoc = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'unsafe-inline'">
      <script>
        document.addEventListener('securitypolicyviolation', (e) => parent.postMessage({ violation: e.violatedDirective }, '*'));
        fetch('http://127.0.0.1:9/pricing').catch(() => {});
      </script>`;
    document.body.append(frame);
    expect(await violation).to.match(/connect-src/);
    frame.remove();
  });
});
