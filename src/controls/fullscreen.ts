/**
 * Fullscreen for the player with its controls. The element itself goes fullscreen where the page
 * may (desktops, Android, iPads). Where it may not (an iPhone, whose only fullscreen is the bare
 * `<video>` in the system player, which would hide the controls), the player fills the viewport
 * instead. In a frame that does not allow fullscreen, filling the frame is not full screen, so
 * there is no button. Framework-free.
 */

/** How the player can go full screen here; null: not at all. */
export type FullscreenWay = 'element' | 'viewport' | null;

type Prefixed = Document & { webkitFullscreenEnabled?: boolean; webkitFullscreenElement?: Element };

export function fullscreenWay(): FullscreenWay {
  const doc = document as Prefixed;
  if (doc.fullscreenEnabled || doc.webkitFullscreenEnabled) return 'element';
  return window.self === window.top ? 'viewport' : null;
}

/** The element that is full screen now (the standard name, else WebKit's). */
export const fullscreenElement = (): Element | null =>
  document.fullscreenElement ?? (document as Prefixed).webkitFullscreenElement ?? null;

/** Puts `el` full screen; false when the browser refused. */
export async function enterFullscreen(el: HTMLElement): Promise<boolean> {
  const prefixed = el as HTMLElement & { webkitRequestFullscreen?: () => void };
  try {
    if (el.requestFullscreen) await el.requestFullscreen();
    else prefixed.webkitRequestFullscreen?.();
    return true;
  } catch {
    return false;
  }
}

export function exitFullscreen(): void {
  const doc = document as Prefixed & { webkitExitFullscreen?: () => void };
  if (!fullscreenElement()) return;
  if (doc.exitFullscreen) void doc.exitFullscreen().catch(() => undefined);
  else doc.webkitExitFullscreen?.();
}
