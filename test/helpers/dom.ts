/** Reading what an element rendered: its shadow parts and their text. */

/** The first element of `el`'s shadow root with `part` containing `name`. */
export const part = (el: Element, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** Every element of `el`'s shadow root with `part` containing `name`. */
export const parts = (el: Element, name: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];

/** Text as a person reads it: whitespace collapsed; '' for no node. */
export const textOf = (node: Element | null) =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
