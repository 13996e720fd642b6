/** The emulator's settings; every field can be changed at run time with `POST /_emulator/config`. */
export interface EmulatorConfig {
  /** The API key that `POST /tokens` accepts (header `Reactor-API-Key`). */
  apiKey: string;
  /** HMAC secret of the session tokens. */
  jwtSecret: string;
  /** Runnable models and their rates in credits per second. */
  models: Record<string, number>;
  /** Whether `GET /pricing` lists the models (`false`: the `models` field is absent). */
  pricingListsModels: boolean;
  /** When set, `GET /pricing` answers this raw text instead of the document (bad-input tests). */
  pricingBody: string | null;
  /**
   * Made-up models `GET /pricing` lists after the runnable ones (`m0`, `m1`, …, at 1 + i % 7
   * credits a second): a price list far longer than any real one (bad-input tests).
   */
  pricingExtraModels: number;
  /** The `Content-Type` sent with `pricingBody` (a wrong one is a bad-input case too). */
  pricingContentType: string;
  creditsPerDollar: number;
  /** How long a new session waits for a GPU (CREATED/WAITING, free) before it is ACTIVE. */
  gpuDelayMs: number;
  /** How long `GET .../sdp_params` answers 202 before the answer is served. */
  sdpAnswerDelayMs: number;
  /** The platform's cap on one session, from ready. */
  maxDurationMs: number;
  /** How long a session whose peer went away stays held (and billed) for a reconnect. */
  recoverableWindowMs: number;
  /**
   * How long a session with a GPU whose client never connected stays open (and holds a
   * concurrency slot) before it is closed: the runtime's `ORPHAN_TIMEOUT_SECONDS`, 60 s.
   */
  noClientWindowMs: number;
  /**
   * Today's runtime only (`npm run emulator -- --strict`): the legacy cid-less signalling paths
   * answer 404, `requestCapabilities` and pings go unanswered, and commands are not echoed. The
   * pricing, token and site-owner routes and `/_emulator/*` stay.
   */
  strict: boolean;
  /** No frame ever reaches the browser, even after `resume_track` (a black screen, billed). */
  withholdTracks: boolean;
  /** Sessions per account at once; CREATED, WAITING, ACTIVE and held sessions count. */
  concurrencyLimit: number;
  /** New sessions per model per rolling minute. */
  sessionsPerMinute: number;
  /** `Retry-After` seconds sent with a concurrency 429. */
  concurrencyRetryAfter: number;
  /** The account balance in credits; sessions draw it down while billed. */
  balance: number;
  balanceMode: 'prepaid' | 'postpaid';
  creditLimit: number | null;
  autoTopup: { enabled: boolean; threshold_credits: number; amount_dollars: number } | null;
  /** The generated video. */
  video: { width: number; height: number; fps: number };
  /** Added before every answer of a non-control route (slow-network and timeout tests). */
  latencyMs: number;
  /**
   * A connected peer that sends nothing (no ping, no command) for this long is treated as gone:
   * the runtime's ping timeout (`WEBRTC_CLIENT_PING_TIMEOUT_SECONDS`, 20 s).
   */
  peerSilenceMs: number;
  /**
   * Whether `POST /sessions?dryRun=true` answers an estimate. `false`: the query is ignored, as a
   * platform without dry runs would, and a real session is created.
   */
  dryRun: boolean;
  /** How long a presigned upload URL is valid (the platform's docs: 15 minutes). */
  uploadUrlTtlMs: number;
  /** The next this many presigned upload URLs are issued already expired (tests). */
  expiredUploadUrls: number;
  /** A pause after each chunk of an upload's bytes is read: a slow upload (cancel tests). */
  uploadChunkDelayMs: number;
  /** The largest upload `POST /sessions/{id}/uploads` accepts. */
  maxUploadBytes: number;
  /** Whether `GET /sessions/{id}` carries `metadata` (`cost_estimate` while live, `cost` after). */
  sessionMetadata: boolean;
}

export const DEFAULT_CONFIG: EmulatorConfig = {
  apiKey: 'rk_emulator_local_key',
  jwtSecret: 'reactor-emulator-secret',
  models: { helios: 17, lingbot: 29 },
  pricingListsModels: true,
  pricingBody: null,
  pricingExtraModels: 0,
  pricingContentType: 'application/json',
  creditsPerDollar: 10_000,
  gpuDelayMs: 300,
  sdpAnswerDelayMs: 0,
  maxDurationMs: 1_200_000,
  recoverableWindowMs: 30_000,
  noClientWindowMs: 60_000,
  strict: false,
  withholdTracks: false,
  concurrencyLimit: 5,
  sessionsPerMinute: 50,
  concurrencyRetryAfter: 5,
  balance: 1_000_000,
  balanceMode: 'prepaid',
  creditLimit: null,
  autoTopup: null,
  video: { width: 480, height: 270, fps: 30 },
  peerSilenceMs: 20_000,
  latencyMs: 0,
  dryRun: true,
  sessionMetadata: true,
  uploadUrlTtlMs: 900_000,
  expiredUploadUrls: 0,
  maxUploadBytes: 50 << 20,
  uploadChunkDelayMs: 0,
};

/** Stable ids for the pricing document's models. */
const MODEL_IDS: Record<string, string> = {
  helios: 'f7d3a8b2-1c4e-4d2a-9b6f-0d8e3c1b5a47',
  lingbot: '3c9e1f04-7a2b-4e6d-8f15-2b7c9d0e4a61',
};

/** The public `GET /pricing` document (shape of the platform's docs). */
export function pricingDocument(config: EmulatorConfig): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    settings: {
      credits_per_dollar: config.creditsPerDollar,
      purchase: { min_dollars: 1, max_dollars: 1000 },
      auto_topup: { min_dollars: 5 },
      max_account_credits: 0,
    },
  };
  if (config.pricingListsModels) {
    doc.models = Object.entries(config.models).map(([name, rate]) => ({
      id: MODEL_IDS[name] ?? `00000000-0000-4000-8000-${name.padEnd(12, '0').slice(0, 12)}`,
      name,
      rate: { amount_per_sec: rate, unit: 'credits', denomination: 'second' },
    }));
    for (let i = 0; i < config.pricingExtraModels; i++)
      (doc.models as unknown[]).push({ name: `m${i}`, rate: { amount_per_sec: 1 + (i % 7) } });
  }
  return doc;
}

/** `reactor/helios` and `helios` name the same model. */
export function shortModelName(name: string): string {
  const slash = name.lastIndexOf('/');
  return slash >= 0 ? name.slice(slash + 1) : name;
}

/**
 * Applies a patch from `POST /_emulator/config`. Keys are the config's own names; seconds-based
 * aliases are accepted for the durations (`max_duration_s`, `recoverable_window_s`, `gpu_delay_ms`,
 * `ping_timeout_s`, `no_client_window_s`).
 */
export function applyConfigPatch(config: EmulatorConfig, patch: Record<string, unknown>): string[] {
  const unknown: string[] = [];
  const aliases: Record<string, [keyof EmulatorConfig, number]> = {
    max_duration_s: ['maxDurationMs', 1000],
    recoverable_window_s: ['recoverableWindowMs', 1000],
    gpu_delay_ms: ['gpuDelayMs', 1],
    concurrency_limit: ['concurrencyLimit', 1],
    sessions_per_minute: ['sessionsPerMinute', 1],
    ping_timeout_s: ['peerSilenceMs', 1000],
    no_client_window_s: ['noClientWindowMs', 1000],
  };
  for (const [key, value] of Object.entries(patch)) {
    const alias = aliases[key];
    if (alias && typeof value === 'number') {
      (config as unknown as Record<string, unknown>)[alias[0]] = value * alias[1];
    } else if (key in config) {
      (config as unknown as Record<string, unknown>)[key] = value;
    } else {
      unknown.push(key);
    }
  }
  return unknown;
}
