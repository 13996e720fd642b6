import { expect, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/index.js';
import { closedEntry, emulatorUrl, ledger, resetEmulator } from '../helpers/emulator.js';
import { messageFrom } from '../helpers/frames.js';
import { part, textOf } from '../helpers/dom.js';
import { matrixRow } from '../helpers/matrix.js';
import { goLive as live, sessionFixture, sleep } from '../helpers/session.js';
import { requireWebRTC } from '../helpers/capabilities.js';

/**
 * Short-lived tokens (a site owner's `expires_after`). A scoped token sees only the sessions it
 * created, so a session keeps its creation token to the end, ends 15 s before that token expires,
 * and a token too short to run a session is refused. The old code fetched a new token once the
 * first was near expiry: its DELETE got a 404 (not its session), took that for "already over",
 * and left the session SUSPENDED and billing. Each exit below happens past that point.
 */
const TTL = 35; // the TokenSource would refetch 30 s before expiry: after 5 s
const PAST_REFRESH_MS = 6500;

const session = (ttl = TTL) =>
  sessionFixture({ tokenQuery: `?expires_after=${ttl}`, attributes: 'idle-timeout="0"' });

describe('a short-lived token', function () {
  this.timeout(60_000);
  beforeEach(() => resetEmulator({ gpuDelayMs: 50 }));

  it('bounds the hard timeout (the countdown says so) and the session ends itself in time', async () => {
    // 33 s, not 31: `expires_at` is in whole seconds, so a 31 s token could arrive with under the
    // 30 s a session needs, and be refused (a flake in Firefox, 2 runs of 5).
    const el = await session(33);
    const id = await live(el);
    await el.updateComplete;
    // 33 s token, ended 15 s before expiry: at most 18 s, whatever max-duration (300) says.
    expect(el.remainingSeconds).to.be.within(14, 18);
    expect(textOf(part(el, 'countdown'))).to.match(/^0:1[4-8] left$/);
    const end = oneEvent(el, 'reactor-end');
    expect(((await end).detail as { reason: string }).reason).to.equal('timeout');
    const entry = await closedEntry(id);
    expect(`${entry.state}/${entry.ended_by}`).to.equal('CLOSED/client');
    expect(entry.billed_ms).to.be.within(13_000, 18_500);
    await matrixRow({
      group: 'token',
      scenario: 'a 33 s token: the session ends itself 15 s before it expires',
      ids: [id],
      goneAt: entry.ready_at! + entry.billed_ms, // due when the countdown said
    });
  });

  it('ends with the End button past the point where a new token would be fetched', async () => {
    const el = await session();
    const id = await live(el);
    await sleep(PAST_REFRESH_MS);
    const goneAt = Date.now();
    part(el, 'disconnect-button')!.click();
    const entry = await closedEntry(id);
    expect(`${entry.state}/${entry.ended_by}`).to.equal('CLOSED/client');
    await matrixRow({ group: 'token', scenario: 'short token: End button', ids: [id], goneAt });
  });

  it('ends on navigation past that point', async () => {
    requireWebRTC();
    const url = await emulatorUrl();
    const frame = document.createElement('iframe');
    const started = messageFrom<{ sessionId: string }>(frame, 'sessionId');
    frame.srcdoc = `<script type="module">
      import '/src/index.ts';
      const el = document.createElement('reactor-session');
      el.setAttribute('model', 'helios');
      el.setAttribute('api-url', ${JSON.stringify(url)});
      el.setAttribute('token-url', ${JSON.stringify(`${url}/api/reactor-token?expires_after=${TTL}`)});
      el.addEventListener('reactor-ready', (e) => parent.postMessage({ sessionId: e.detail.sessionId }, '*'));
      document.body.append(el);
      el.connect();
    </script>`;
    document.body.append(frame);
    const { sessionId } = await started;
    await sleep(PAST_REFRESH_MS);
    const goneAt = Date.now();
    frame.contentWindow!.location.replace('about:blank');
    const entry = await closedEntry(sessionId);
    frame.remove();
    expect(`${entry.state}/${entry.ended_by}`).to.equal('CLOSED/client');
    await matrixRow({
      group: 'token',
      scenario: 'short token: navigation',
      ids: [sessionId],
      goneAt,
    });
  });

  it('ends on a tab close past that point', async () => {
    requireWebRTC();
    const apiUrl = await emulatorUrl();
    const { sessionId, closedAt } = await executeServerCommand<
      { sessionId: string; closedAt: number },
      unknown
    >('reactor-close-tab', { apiUrl, expiresAfter: TTL, holdMs: PAST_REFRESH_MS });
    const entry = await closedEntry(sessionId);
    expect(`${entry.state}/${entry.ended_by}`).to.equal('CLOSED/client');
    await matrixRow({
      group: 'token',
      scenario: 'short token: tab closed',
      ids: [sessionId],
      goneAt: closedAt,
    });
  });

  it('too short to run a session is refused before anything is created, with the fix said', async () => {
    requireWebRTC();
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const el = await session(4);
      const failed = oneEvent(el, 'reactor-error');
      part(el, 'connect-button')!.click();
      const { detail } = await failed;
      await el.updateComplete;
      expect(detail.setup).to.equal(true);
      expect(textOf(part(el, 'error'))).to.equal(
        'Live sessions are not available on this page right now.',
      );
      expect(errors).to.have.length(1);
      expect(errors[0]).to.match(
        /^\[reactor-elements\] <reactor-session>: The session token expires in [34] s; a session needs 30 s or more \(it ends 15 s before its token expires\): raise expires_after on your token route\.$/,
      );
      expect(await ledger()).to.deep.equal([]);
      await matrixRow({
        group: 'token',
        scenario: 'a 4 s token: refused before anything is created',
        ids: [],
        goneAt: null,
      });
    } finally {
      console.error = original;
    }
  });
});
