/**
 * The session unit without an element (test/session/): a bare host, a config, an account store,
 * and what the unit announced.
 */
import { expect } from '@open-wc/testing';
import {
  Session,
  type SessionConfig,
  type SessionEndDetail,
  type SessionFailure,
} from '../../src/session/session.js';
import { AccountStore } from '../../src/store/account-store.js';
import { emulatorUrl } from './emulator.js';
import { requireWebRTC } from './capabilities.js';
import { pageHidden } from './dom.js';
import { Host } from './host.js';

export interface Harness {
  host: Host;
  session: Session;
  store: AccountStore;
  config: { -readonly [K in keyof SessionConfig]: SessionConfig[K] };
  ends: SessionEndDetail[];
  errors: SessionFailure[];
  storeEnds: number;
}

const hosts: Host[] = [];

/** After each test: the page seen again, and every harness's host off the page. */
export function cleanUp(): void {
  pageHidden(null);
  for (const host of hosts.splice(0)) if (host.isConnected) host.disconnect();
}

export async function harness(patch: Partial<SessionConfig> = {}): Promise<Harness> {
  const url = await emulatorUrl();
  const config = {
    model: 'helios',
    apiUrl: url,
    tokenUrl: `${url}/api/reactor-token`,
    token: undefined,
    tokenProvider: undefined,
    reconnect: true,
    exclusive: true,
    maxDuration: 300,
    idleTimeout: 0,
    idleWarning: 20,
    hiddenTimeout: 5,
    maxCost: null,
    videoTrack: 'main_video',
    background: 'auto',
    ...patch,
  };
  const host = new Host();
  hosts.push(host);
  const store = new AccountStore();
  const session = new Session(host, config, () => store);
  host.connect();
  const h: Harness = { host, session, store, config, ends: [], errors: [], storeEnds: 0 };
  session.on('end', (detail) => h.ends.push(detail));
  session.on('error', (failure) => h.errors.push(failure));
  store.on('session-end', () => (h.storeEnds += 1));
  return h;
}

/** Counts the DELETEs this page sends to the platform (the normal and the keepalive kind). */
export function countDeletes(): { readonly count: number; restore(): void } {
  const original = window.fetch;
  let count = 0;
  window.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if ((init?.method ?? 'GET') === 'DELETE' && /\/sessions\/[^/]+$/.test(url)) count += 1;
    return original(input, init);
  };
  return {
    get count() {
      return count;
    },
    restore: () => (window.fetch = original),
  };
}

export async function live(h: Harness): Promise<string> {
  requireWebRTC();
  await h.session.connect();
  expect(h.session.status).to.equal('ready');
  return h.session.sessionId!;
}
