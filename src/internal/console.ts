/**
 * The library's console lines, for the site's developer: each starts with `[reactor-elements]`
 * (and the tag when one element says it), so that a page's console can be searched for them.
 */
export function say(message: string, level: 'warn' | 'error' = 'warn'): void {
  console[level](`[reactor-elements] ${message}`);
}

const said = new Set<string>();

/** `say`, once per page for each distinct message. */
export function sayOnce(message: string): void {
  if (!said.has(message)) say(message);
  said.add(message);
}
