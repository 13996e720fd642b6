/** Reading what an element rendered: its shadow parts and their text. */

/** The first element of `el`'s shadow root with `part` containing `name`. */
export const part = (el: Element, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** Every element of `el`'s shadow root with `part` containing `name`. */
export const parts = (el: Element, name: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];

/**
 * Text as a person sees it: whitespace collapsed, without the hidden text for screen readers
 * (`.sr-only`: a time's words beside its `m:ss`, the receipt said in the status line); '' for no
 * node. `spokenText` reads it all.
 */
export function textOf(node: Element | null): string {
  if (!node) return '';
  const copy = node.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('.sr-only')) hidden.remove();
  return spokenText(copy);
}

/** All of an element's text, the screen readers' hidden text included, whitespace collapsed. */
export const spokenText = (node: Element | null) =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/**
 * Puts the page away (`hidden` true) or brings it back, as the browser tells a page: by
 * `document.hidden` and a `visibilitychange` event. `pageHidden(null)` gives the browser its own
 * `document.hidden` back.
 */
export function pageHidden(hidden: boolean | null): void {
  if (hidden === null) {
    delete (document as { hidden?: boolean }).hidden;
    return;
  }
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}
