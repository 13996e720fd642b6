/**
 * What a session shows and announces: its status, why it ended, its failure, a rate-limit wait,
 * the platform's receipt, the model's capabilities. Every change is announced, and each
 * announcement asks the host to render. `Session` runs the session on top of it.
 */
import type { ReactiveControllerHost } from 'lit';
import { Emitter } from '../platform/emitter.js';
import { asPlatformError } from '../platform/errors.js';
import type { Capabilities } from '../platform/session-client.js';
import type {
  EndReason,
  ModerationDetail,
  SessionElementStatus,
  SessionEvents,
  SessionFailure,
} from './events.js';
import type { PlatformCost } from './platform-figures.js';

/** A host that can tell whether it is on the page (an element). */
export type SessionHost = ReactiveControllerHost & {
  readonly isConnected: boolean;
  /** Where the player renders (an element's): judged for `hidden-timeout`. */
  readonly shadowRoot?: ShadowRoot | null;
};

const BUSY: ReadonlySet<SessionElementStatus> = new Set([
  'connecting',
  'waiting',
  'ready',
  'reconnecting',
]);

export class SessionState extends Emitter<SessionEvents> {
  protected _status: SessionElementStatus = 'disconnected';
  protected _endReason: EndReason | null = null;
  protected _failure: SessionFailure | null = null;
  protected _rateLimit: { retryAfter: number; until: number } | null = null;
  protected _receipt: PlatformCost | null = null;
  protected _capabilities: Capabilities | null = null;
  protected _moderation: ModerationDetail | null = null;
  protected _onThisPage = false;

  constructor(protected readonly host: SessionHost) {
    super();
  }

  get status(): SessionElementStatus {
    return this._status;
  }

  /** True from `connect()` until the session ended or failed. */
  get busy(): boolean {
    return BUSY.has(this._status);
  }

  get endReason(): EndReason | null {
    return this._endReason;
  }

  get failure(): SessionFailure | null {
    return this._failure;
  }

  /** A 429 wait in progress: its `Retry-After` and when it ends (`performance.now()`). */
  get rateLimit(): { retryAfter: number; until: number } | null {
    return this._rateLimit;
  }

  /** The platform's effective cost of the last session, once it gave it (final). */
  get receipt(): PlatformCost | null {
    return this._receipt;
  }

  /** What the model of the current (or last) session declares: its tracks and commands. */
  get capabilities(): Capabilities | null {
    return this._capabilities;
  }

  /** The platform's last moderation of this session's input, for the visitor to read. */
  get moderation(): ModerationDetail | null {
    return this._moderation;
  }

  /**
   * For `elsewhere` and an end by `moved`: the other player is on this page (not another tab).
   */
  get onThisPage(): boolean {
    return this._onThisPage;
  }

  /** The attempt failed: shown, and announced. */
  protected failed(error: unknown): void {
    const failure = { error: asPlatformError(error), unconfirmedEnd: false };
    this._failure = failure;
    this.setStatus('error');
    this.emit('error', failure);
  }

  protected setStatus(status: SessionElementStatus): void {
    const previous = this._status;
    if (status === previous) return;
    this._status = status;
    this.emit('status', { status, previous });
  }

  /** Every change the host shows is announced, so each one also asks the host to render. */
  protected override emit<K extends keyof SessionEvents & string>(
    type: K,
    detail: SessionEvents[K],
  ): void {
    this.host.requestUpdate();
    super.emit(type, detail);
  }
}
