import { expect } from '@open-wc/testing';
import { rejection, sessionIdFromFrame } from '../helpers/assertions.js';
import { SessionClient, type SessionStatus } from '../../src/platform/session-client.js';
import { TokenSource } from '../../src/platform/tokens.js';
import { BillingMeter } from '../../src/platform/meter.js';
import {
  closedEntry,
  configureEmulator,
  dropPeer,
  emulatorUrl,
  framesPresented,
  ledger,
  ledgerEntry,
  resetEmulator,
  waitFor,
} from '../helpers/emulator.js';
import { requireWebRTC } from '../helpers/capabilities.js';

interface Harness {
  client: SessionClient;
  video: HTMLVideoElement;
  statuses: SessionStatus[];
  messages: unknown[];
}

async function makeClient(
  extra: Partial<ConstructorParameters<typeof SessionClient>[0]> = {},
): Promise<Harness> {
  const url = await emulatorUrl();
  const client = new SessionClient({
    apiUrl: url,
    model: 'reactor/helios',
    tokens: new TokenSource({ url: `${url}/api/reactor-token` }),
    ...extra,
  });
  const video = document.createElement('video');
  video.muted = true;
  document.body.append(video);
  const statuses: SessionStatus[] = [];
  const messages: unknown[] = [];
  client.on('status', ({ status }) => statuses.push(status));
  client.on('message', ({ message }) => messages.push(message));
  client.on('track', ({ name, stream }) => {
    if (name === 'main_video') {
      video.srcObject = stream;
      video.play().catch(() => undefined); // Firefox rejects it when the test ends the stream first
    }
  });
  return { client, video, statuses, messages };
}

describe('platform/session-client against the emulator', function () {
  this.timeout(60_000);
  beforeEach(() => resetEmulator({ gpuDelayMs: 300 }));

  it('connects, decodes frames, round-trips a command, and its meter agrees with the ledger over 10 s', async () => {
    requireWebRTC();
    const { client, video, statuses, messages } = await makeClient();
    const meter = new BillingMeter();
    client.on('status', ({ status }) => status === 'ready' && meter.start());
    await client.connect();
    expect(statuses).to.deep.equal(['connecting', 'waiting', 'ready']);
    const id = client.sessionId!;
    await framesPresented(video, 10);
    client.sendCommand('set_prompt', { prompt: 'a canyon' });
    const echo = await waitFor(
      () => messages.find((m) => (m as { type?: string }).type === 'echo'),
      'the echo',
    );
    expect(echo).to.deep.equal({
      type: 'echo',
      data: { command: 'set_prompt', data: { prompt: 'a canyon' } },
    });
    await new Promise((r) => setTimeout(r, 10_000 - meter.billedMs));
    await client.terminate();
    meter.stop();
    const entry = await ledgerEntry(id);
    expect(entry.ended_by).to.equal('client');
    const gap = Math.abs(meter.billedSeconds - entry.billed_ms / 1000);
    console.log(
      `[session-client] meter ${meter.billedSeconds.toFixed(3)} s, ledger ${entry.billed_ms / 1000} s`,
    );
    expect(gap).to.be.at.most(0.5);
    expect(client.status).to.equal('disconnected');
    video.remove();
  });

  it('recovers a dropped connection on the same session', async () => {
    requireWebRTC();
    const { client, video, statuses } = await makeClient();
    await client.connect();
    const id = client.sessionId!;
    await dropPeer(id);
    await waitFor(
      () => statuses.includes('reconnecting') && client.status === 'ready',
      'ready again',
    );
    expect(client.sessionId).to.equal(id);
    await framesPresented(video, 5);
    const entry = await ledgerEntry(id);
    expect([entry.state, entry.reconnects]).to.deep.equal(['ACTIVE', 1]);
    await client.terminate();
    expect((await ledgerEntry(id)).ended_by).to.equal('client');
    video.remove();
  });

  it('waits out 429s with their Retry-After, telling the caller, then connects', async () => {
    requireWebRTC();
    await configureEmulator({
      faults: [{ status: 429, times: 2, route: 'POST /sessions', retryAfter: 2 }],
    });
    const waits: number[] = [];
    const slept: number[] = [];
    const { client, video } = await makeClient({ sleep: async (ms) => void slept.push(ms) });
    client.on('rate-limited', ({ retryAfter }) => waits.push(retryAfter));
    await client.connect();
    expect(waits).to.have.length(2);
    expect(slept.every((ms) => ms >= 2000 && ms <= 2400 * 1.01)).to.equal(true, String(slept));
    await client.terminate();
    video.remove();
  });

  for (const huge of ['1000000000', 'Fri, 31 Dec 9999 23:59:59 GMT']) {
    it(`caps a Retry-After of ${huge} at 60 s (plus jitter), and says so`, async () => {
      requireWebRTC();
      const api = await emulatorUrl();
      // The platform's 429 with a Retry-After nobody can wait for, then a session.
      let answered = 0;
      const fetchThrough = window.fetch;
      window.fetch = (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        if (url === `${api}/sessions` && init?.method === 'POST' && answered++ === 0)
          return Promise.resolve(
            new Response('{"code":"rate-limited","message":"Slow down."}', {
              status: 429,
              headers: { 'Retry-After': huge, 'Content-Type': 'application/json' },
            }),
          );
        return fetchThrough(input, init);
      };
      try {
        const waits: number[] = [];
        const slept: number[] = [];
        const { client, video } = await makeClient({ sleep: async (ms) => void slept.push(ms) });
        client.on('rate-limited', ({ retryAfter }) => waits.push(retryAfter));
        await client.connect();
        expect(waits.length).to.equal(1);
        expect(waits[0]).to.be.within(60, 72);
        expect(slept[0]).to.be.within(60_000, 72_000);
        await client.terminate();
        video.remove();
      } finally {
        window.fetch = fetchThrough;
      }
    });
  }

  it('a connect limit reached while waiting for a GPU is said as no GPU (not a cancel), nothing billed', async () => {
    await configureEmulator({ gpuDelayMs: 60_000 });
    const { client, video } = await makeClient({ connectTimeoutMs: 1500 });
    const error = await rejection(client.connect());
    expect([error.code, error.message]).to.deep.equal([
      'no-gpu',
      'No GPU was assigned before the connect limit.',
    ]);
    // The session it had created is named, and was ended by the client before any billing.
    expect(client.createdId).to.be.a('string');
    const entry = await closedEntry(client.createdId!);
    expect([entry.state, entry.ended_by, entry.billed_ms]).to.deep.equal(['CLOSED', 'client', 0]);
    video.remove();
  });

  it('gives up after the retry limit with the 429 code', async () => {
    await configureEmulator({
      faults: [{ status: 429, times: 5, route: 'POST /sessions', retryAfter: 1 }],
    });
    const { client, video } = await makeClient({
      rateLimitRetries: 2,
      sleep: async () => undefined,
    });
    const error = await rejection(client.connect());
    expect([error.code, error.status]).to.deep.equal(['concurrency-limit', 429]);
    expect(await ledger()).to.deep.equal([]);
    video.remove();
  });

  it('reports 402 and 401 (after one token refresh) as final', async () => {
    await configureEmulator({ balance: 0 });
    const poor = await makeClient();
    expect((await rejection(poor.client.connect())).code).to.equal('payment-required');
    await configureEmulator({
      balance: 1000,
      faults: [{ status: 401, times: 2, route: 'POST /sessions' }],
    });
    const denied = await makeClient();
    expect((await rejection(denied.client.connect())).code).to.equal('unauthorized');
    expect(await ledger()).to.deep.equal([]);
    poor.video.remove();
    denied.video.remove();
  });

  it('makes its peer connection while the GPU is being assigned, and a cancel then leaves none open', async () => {
    requireWebRTC();
    await resetEmulator({ gpuDelayMs: 3000 });
    const made: RTCPeerConnection[] = [];
    const Native = window.RTCPeerConnection;
    window.RTCPeerConnection = class extends Native {
      constructor(config?: RTCConfiguration) {
        super(config);
        made.push(this);
      }
    };
    try {
      const { client, statuses } = await makeClient();
      const connecting = client.connect();
      await waitFor(() => statuses.includes('waiting'), 'the GPU wait');
      // Before any GPU: a connection with its data channel and a first offer, bundled.
      const pc = await waitFor(
        () => (made[0]?.localDescription ? made[0] : undefined),
        'a prepared offer',
      );
      expect(pc.getConfiguration().bundlePolicy).to.equal('max-bundle');
      expect(pc.localDescription!.sdp).to.match(/m=application/);
      expect(client.capabilities).to.equal(null);
      await client.terminate();
      expect((await rejection(connecting)).code).to.equal('aborted');
      expect(made.map((c) => c.signalingState)).to.deep.equal(['closed']);
    } finally {
      window.RTCPeerConnection = Native;
    }
  });

  it('takes a new token once when the held one has created all its sessions (403)', async () => {
    requireWebRTC();
    const url = await emulatorUrl();
    const { client } = await makeClient({
      tokens: new TokenSource({ url: `${url}/api/reactor-token?max_sessions=1` }),
    });
    await client.connect();
    await client.terminate();
    await client.connect(); // the held token is spent: 403, then a fresh one
    const id = client.sessionId!;
    expect((await ledgerEntry(id)).state).to.not.equal('CLOSED');
    await client.terminate();
    expect((await ledgerEntry(id)).ended_by).to.equal('client');
  });

  it('terminates what it created when a later step fails', async () => {
    requireWebRTC();
    await configureEmulator({ faults: [{ status: 500, route: 'POST /sessions/' }] });
    const { client, video } = await makeClient();
    const error = await rejection(client.connect());
    expect(error.code).to.equal('server-error');
    const [entry] = await ledger();
    expect(entry!.ended_by).to.equal('client');
    expect(entry!.billed_ms).to.equal(0);
    video.remove();
  });

  it('retries a terminating DELETE that failed, so the session does not bill on', async () => {
    requireWebRTC();
    const { client, video } = await makeClient();
    await client.connect();
    const id = client.sessionId!;
    await configureEmulator({ faults: [{ status: 503, times: 2, route: 'DELETE /sessions/' }] });
    await client.terminate();
    const entry = await ledgerEntry(id);
    expect(entry.state).to.equal('CLOSED');
    expect(entry.ended_by).to.equal('client');
    video.remove();
  });

  it('ends the session with a keepalive DELETE when its page goes away', async () => {
    requireWebRTC();
    const url = await emulatorUrl();
    const frame = document.createElement('iframe');
    const started = sessionIdFromFrame();
    frame.srcdoc = `<script type="module">
      import { SessionClient } from '/src/platform/session-client.ts';
      import { TokenSource } from '/src/platform/tokens.ts';
      const url = ${JSON.stringify(url)};
      const client = new SessionClient({ apiUrl: url, model: 'helios', tokens: new TokenSource({ url: url + '/api/reactor-token' }) });
      addEventListener('pagehide', () => client.terminateOnUnload());
      await client.connect();
      parent.postMessage({ sessionId: client.sessionId }, '*');
    </script>`;
    document.body.append(frame);
    const id = await started;
    const removedAt = Date.now();
    frame.remove();
    const ended = await waitFor(
      async () => {
        const e = await ledgerEntry(id);
        return e.state === 'CLOSED' && e;
      },
      'the DELETE from the unloading page',
      5000,
    );
    expect(ended.ended_by).to.equal('client');
    expect(ended.terminated_at! - removedAt).to.be.below(2000);
  });
});
