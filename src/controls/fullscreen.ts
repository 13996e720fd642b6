/**
 * Fullscreen for the player with its controls. The element itself goes fullscreen where the page
 * may (desktops, Android, iPads: the standard API, unprefixed since Safari 16.4, below the
 * Safari 17.4 the library needs). Where it may not (an iPhone, whose only fullscreen is the bare
 * `<video>` in the system player, which would hide the controls), the player fills the viewport
 * instead. In a frame that does not allow fullscreen, filling the frame is not full screen, so
 * there is no button. Framework-free.
 */

/** How the player can go full screen here; null: not at all. */
export type FullscreenWay = 'element' | 'viewport' | null;

export const fullscreenWay = (): FullscreenWay =>
  document.fullscreenEnabled ? 'element' : window.self === window.top ? 'viewport' : null;

/** The element that is full screen now. */
export const fullscreenElement = (): Element | null => document.fullscreenElement;

/** Puts `el` full screen; false when the browser refused. */
export const enterFullscreen = (el: HTMLElement): Promise<boolean> =>
  el.requestFullscreen().then(
    () => true,
    () => false,
  );

export function exitFullscreen(): void {
  if (fullscreenElement()) void document.exitFullscreen().catch(() => undefined);
}
