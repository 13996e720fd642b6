/**
 * What a live session does while its page is put away (hidden: a phone's home screen, another app
 * or tab; the last event a phone reliably fires before it suspends or discards the page), by the
 * element's `background` attribute. Framework-free.
 *
 * - `hold`: the stream stops at once with a recoverable disconnect (no DELETE): the platform holds
 *   the GPU, and bills it, for its recoverable window; back within it, the same session resumes;
 *   past it, the resume finds the session ended (the session unit says `background`).
 * - `end`: the session ends at once.
 * - `keep`: it runs on, under its safeguards (a hidden page produces no activity, so the idle
 *   detector ends it).
 * A frozen page ends its session whatever the policy (see `UnloadController`).
 */
import type { SessionClient } from '../platform/session-client.js';

/** What a live session does while the page is put away. */
export type BackgroundPolicy = 'hold' | 'end' | 'keep';

export const BACKGROUND_POLICIES: readonly string[] = ['hold', 'end', 'keep'];

/**
 * `background` as set; otherwise (`auto`, or a value that is none of them) `hold` on a touch-first
 * device (a coarse primary pointer: a phone or tablet, whose pages are put away rather than left)
 * and `keep` elsewhere (a desktop's background tab).
 */
export const backgroundPolicy = ({ background }: { background: string }) =>
  (BACKGROUND_POLICIES.includes(background)
    ? background
    : matchMedia('(pointer: coarse)').matches
      ? 'hold'
      : 'keep') as BackgroundPolicy;

/**
 * The page was put away or brought back (`document.hidden`), or `client` became ready while it
 * is away: holds, ends (`end()`) or keeps the session by `config`'s policy, and resumes a held
 * one.
 */
export function applyBackground(
  client: SessionClient,
  config: { background: string },
  end: () => void,
): void {
  if (!document.hidden) return client.resume();
  const policy = backgroundPolicy(config);
  if (policy === 'end') end();
  else if (policy === 'hold') client.hold();
}
