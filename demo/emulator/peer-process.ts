/**
 * GPU peers in worker processes, one peer per worker at a time, as the platform gives each
 * session a GPU worker of its own.
 *
 * Why not in the emulator's process: the native WebRTC module races with itself. When the
 * browser closes a data channel, the module's network thread drops the channel's native object
 * while the JavaScript thread may be in `send()` on it, between the module's own null check and
 * its use: a segmentation fault (seen in `RTCDataChannel::Send`, by a stress run of a few
 * hundred sessions ended every way, and twice in full test runs). In the emulator's process that
 * ends the emulator, the ledger and the test runner that hosts them. In a worker it ends one
 * peer whose browser was leaving anyway; when that peer was still live, the platform is told the
 * browser is gone (then the recoverable window, as for any lost connection).
 *
 * A worker whose peer closed is used again once the peer has settled, and one is kept spare, so
 * an offer is answered without waiting for a process to start.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Peer, PeerOptions, TrackMappingEntry } from './peer.js';
import type { HostReply, HostRequest, PeerMode } from './peer-protocol.js';

const HOST = fileURLToPath(new URL('./peer-host.ts', import.meta.url));
/** The repository, where `--import tsx` resolves. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** A closed peer's worker that has not said `closed` by then is stopped. */
const KILL_AFTER_MS = 3000;
const MODE_POLL_MS = 100;
const SENT_LIMIT_MS = 1500;
/** Free workers kept; more are stopped. */
const MAX_FREE = 4;

let peersMade = 0;
const free: Worker[] = [];

/** One worker process. */
class Worker {
  readonly child: ChildProcess;
  /** Resolves when the worker listens (or has stopped): nothing is sent to it before. */
  readonly up: Promise<void>;
  peer: ProcessPeer | null = null;
  private killTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    this.child = fork(HOST, [], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    // A worker never keeps the emulator's process alive; it ends itself when that process does.
    this.child.unref();
    this.child.channel?.unref();
    this.up = new Promise<void>((resolve) => {
      this.child.on('message', (m: HostReply) => (m.t === 'up' ? resolve() : this.received(m)));
      this.child.once('exit', (code, signal) => {
        resolve();
        this.exited(code, signal);
      });
      this.child.once('error', () => resolve());
    });
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null && this.child.connected;
  }

  send(message: HostRequest): void {
    void this.up.then(() => {
      if (this.alive) this.child.send(message, (error) => error && undefined);
    });
  }

  /** The peer is closed: free once the worker says so, stopped if it does not in time. */
  release(): void {
    this.killTimer = setTimeout(() => this.child.kill('SIGKILL'), KILL_AFTER_MS);
    this.killTimer.unref();
  }

  private received(m: Exclude<HostReply, { t: 'up' }>): void {
    const peer = this.peer;
    if (!peer || m.n !== peer.n) return;
    if (m.t !== 'closed') return peer.received(m);
    if (this.killTimer) clearTimeout(this.killTimer);
    this.peer = null;
    if (free.length < MAX_FREE) free.push(this);
    else this.child.kill();
  }

  private exited(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.killTimer) clearTimeout(this.killTimer);
    const index = free.indexOf(this);
    if (index >= 0) free.splice(index, 1);
    this.peer?.exited(code, signal);
    this.peer = null;
  }
}

/** A free worker (one more is started when none is left, so the next offer finds one). */
function takeWorker(): Worker {
  let worker = free.pop();
  while (worker && !worker.alive) worker = free.pop();
  if (free.length === 0) free.push(new Worker());
  return worker ?? new Worker();
}

type Waiting = (reply: Extract<HostReply, { t: 'answered' | 'sent' }> | null) => void;

/** A `Peer` whose `GpuPeer` lives in a worker process (peer-host.ts). */
export class ProcessPeer implements Peer {
  readonly n = ++peersMade;
  private readonly worker = takeWorker();
  private readonly waiting = new Map<number, Waiting>();
  private readonly modeTimer: ReturnType<typeof setInterval>;
  private mode: PeerMode;
  private nextId = 1;
  /** Closed by the platform, or gone: no hook is called after. */
  private over = false;

  constructor(private readonly options: PeerOptions) {
    const { mode, title, label, video, model, pausedTracks, silenceMs } = options;
    this.mode = mode();
    this.worker.peer = this;
    this.post({
      t: 'init',
      n: this.n,
      options: { title, label, video, model, pausedTracks, silenceMs, mode: this.mode },
    });
    this.modeTimer = setInterval(() => {
      const now = mode();
      if (now.strict === this.mode.strict && now.withholdTracks === this.mode.withholdTracks)
        return;
      this.mode = now;
      this.post({ t: 'mode', n: this.n, mode: now });
    }, MODE_POLL_MS);
    this.modeTimer.unref();
  }

  /** The worker's process id (tests stop it the way a crash would). */
  get pid(): number | undefined {
    return this.worker.child.pid;
  }

  answer(offer: string, mapping: TrackMappingEntry[]): Promise<string> {
    return new Promise((resolve, reject) => {
      this.ask({ t: 'answer', n: this.n, id: 0, offer, mapping }, (r) => {
        if (r?.t === 'answered' && r.sdp !== undefined) resolve(r.sdp);
        else if (r) reject(new Error(r.t === 'answered' ? r.error : 'no answer'));
        else reject(new Error(this.worker.alive ? 'the peer is closed' : 'the GPU worker stopped'));
      });
    });
  }

  notify(type: string, data: unknown): void {
    this.post({ t: 'notify', n: this.n, type, data });
  }

  sent(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, SENT_LIMIT_MS);
      this.ask({ t: 'sent', n: this.n, id: 0 }, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  close(): void {
    if (this.over) return;
    this.over = true;
    this.leave();
  }

  /** A report of this peer's worker (see `Worker`). */
  received(m: Exclude<HostReply, { t: 'up' | 'closed' }>): void {
    if (m.t === 'answered' || m.t === 'sent') {
      this.waiting.get(m.id)?.(m);
      this.waiting.delete(m.id);
      return;
    }
    if (this.over) return;
    const { hooks } = this.options;
    if (m.t === 'ready') hooks.onReady();
    else if (m.t === 'command') hooks.onCommand(m.command);
    else {
      this.over = true;
      this.leave();
      hooks.onGone(m.reason);
    }
  }

  /** This peer's worker stopped (a crash, or stopped after its close). */
  exited(code: number | null, signal: NodeJS.Signals | null): void {
    clearInterval(this.modeTimer);
    this.unanswered();
    if (this.over) return;
    this.over = true;
    const how = signal ?? `exit code ${code}`;
    console.warn(
      `[emulator] session ${this.options.label}: its GPU worker stopped (${how}); the platform counts the browser as gone`,
    );
    this.options.hooks.onGone(`GPU worker stopped (${how})`);
  }

  private leave(): void {
    clearInterval(this.modeTimer);
    this.post({ t: 'close', n: this.n });
    this.worker.release();
    this.unanswered();
  }

  /** What was asked and will not be answered now: the answer fails, `sent()` resolves. */
  private unanswered(): void {
    for (const then of this.waiting.values()) then(null);
    this.waiting.clear();
  }

  private ask(request: Extract<HostRequest, { id: number }>, then: Waiting): void {
    if (this.over || !this.worker.alive) return then(null);
    const id = this.nextId++;
    this.waiting.set(id, then);
    this.post({ ...request, id });
  }

  private post(message: HostRequest): void {
    this.worker.send(message);
  }
}
