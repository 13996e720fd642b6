/**
 * The session unit without an element (test/session/): a bare host, a config, an account store,
 * and what the unit announced.
 */
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  Session,
  type SessionConfig,
  type SessionEndDetail,
  type SessionFailure,
} from '../../src/session/session.js';
import { AccountStore } from '../../src/store/account-store.js';
import { emulatorUrl } from './emulator.js';
import { requireWebRTC } from './capabilities.js';

/** A bare host on or off the page: records renders, runs its controllers' hooks on demand. */
export class Host implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  isConnected = false;
  renders = 0;
  readonly updateComplete = Promise.resolve(true);
  addController(c: ReactiveController) {
    this.controllers.push(c);
    if (this.isConnected) c.hostConnected?.();
  }
  removeController(c: ReactiveController) {
    this.controllers = this.controllers.filter((x) => x !== c);
  }
  requestUpdate() {
    this.renders += 1;
  }
  connect() {
    this.isConnected = true;
    for (const c of this.controllers) c.hostConnected?.();
  }
  disconnect() {
    this.isConnected = false;
    for (const c of this.controllers) c.hostDisconnected?.();
  }
}

export interface Harness {
  host: Host;
  session: Session;
  store: AccountStore;
  config: { -readonly [K in keyof SessionConfig]: SessionConfig[K] };
  ends: SessionEndDetail[];
  errors: SessionFailure[];
  storeEnds: number;
}

export const hosts: Host[] = [];

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
    idleWarning: 15,
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
