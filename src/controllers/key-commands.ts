/**
 * Keyboard control of the model: while the video has focus, a mapped key's press and release
 * become commands (`{...data, pressed: true}`, then `pressed: false`), and count as the visitor's
 * activity for the idle detector. Opt-in (`keys="wasd"`); other keys pass through untouched.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Holds } from '../controls/holds.js';

/** What one key sends: the command, and data merged with `pressed`. */
export interface KeyCommand {
  command: string;
  data?: Record<string, unknown>;
}

/** Keys (as `KeyboardEvent.key`, letters in lower case) to commands. */
export type KeyMap = Record<string, KeyCommand>;

const move = (direction: string): KeyCommand => ({ command: 'move', data: { direction } });

/** The named maps of the `keys` attribute. */
export const KEY_PRESETS: Record<string, KeyMap> = {
  wasd: { w: move('forward'), a: move('left'), s: move('back'), d: move('right') },
  arrows: {
    ArrowUp: move('forward'),
    ArrowLeft: move('left'),
    ArrowDown: move('back'),
    ArrowRight: move('right'),
  },
};

/** The map that steers the model: `keyMap`, else the `keys` preset; null when there is none. */
export function activeKeyMap(keys: string, keyMap: KeyMap | null): KeyMap | null {
  return keyMap ?? KEY_PRESETS[keys.trim().toLowerCase()] ?? null;
}

/** The console line for a `keys` value that is no preset; null when it is one (or empty). */
export const keysProblem = (keys: string): string | null =>
  keys.trim() && !KEY_PRESETS[keys.trim().toLowerCase()]
    ? `<reactor-session keys="${keys}"> is not a key preset (${Object.keys(KEY_PRESETS).join(', ')}); set keyMap for your own keys.`
    : null;

const keyOf = (event: KeyboardEvent) =>
  event.key.length === 1 ? event.key.toLowerCase() : event.key;

/** A key as a person reads it (`W`, `↑`), for the hint and `aria-keyshortcuts` (`W`, `ArrowUp`). */
export const keyLabel = (key: string) => (key.length === 1 ? key.toUpperCase() : key);

export class KeyCommandController implements ReactiveController {
  /** The keys held down: each release sends `pressed: false` for what its press sent. */
  private readonly holds: Holds;

  constructor(
    host: ReactiveControllerHost,
    private readonly map: () => KeyMap | null,
    send: (name: string, data: Record<string, unknown>) => void,
    private readonly activity: () => void,
  ) {
    host.addController(this);
    this.holds = new Holds((command, data) => {
      try {
        send(command, data);
      } catch {
        // Not live (yet): the key does nothing.
      }
    });
  }

  readonly onKeyDown = (event: KeyboardEvent): void => {
    const key = keyOf(event);
    const entry = this.map()?.[key];
    if (!entry || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault(); // not a scroll of the page
    this.activity();
    if (!event.repeat)
      this.holds.press(key, { command: entry.command, data: entry.data ?? {}, pressed: 'pressed' });
  };

  readonly onKeyUp = (event: KeyboardEvent): void => {
    this.holds.release(keyOf(event));
  };

  /** Focus left the video: every held key is released, so nothing keeps moving. */
  readonly release = (): void => {
    this.holds.releaseAll();
  };

  hostDisconnected(): void {
    this.holds.releaseAll();
  }
}
