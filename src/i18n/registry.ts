/**
 * The page's translations: one registry per page (on `globalThis`, so every copy of the library
 * and every locale module share it, whatever the load order), keyed by language code. Each
 * element family (`session`, `pricing`, `balance`) has its own table; English is built into the
 * elements, a registered table replaces any of its messages for its language.
 *
 * Framework-free and import-free: a locale module bundles this file and nothing else.
 */

/** Messages of one family: `{name}` marks a value filled in when shown. */
export type MessageTable = Record<string, string>;

/** What a page registers for one language: any messages of any family. */
export type Translation = Partial<Record<'session' | 'pricing' | 'balance', MessageTable>>;

/** Fired on `window` when a translation is registered or the document's `lang` changes. */
export const MESSAGES_EVENT = 'reactor-messages-change';

const KEY = Symbol.for('reactor-elements.messages');

function tables(): Map<string, Translation> {
  const global = globalThis as { [KEY]?: Map<string, Translation> };
  return (global[KEY] ??= new Map());
}

/**
 * Registers messages for a language (`de`, `de-CH`, or `en` to change the built-in English).
 * Merges with what is registered already, so a page can override single messages; elements on
 * the page show the new text at once.
 */
export function registerTranslation(lang: string, translation: Translation): void {
  const code = lang.trim().toLowerCase();
  const merged: Translation = { ...tables().get(code) };
  for (const [family, messages] of Object.entries(translation) as [
    keyof Translation,
    MessageTable,
  ][])
    merged[family] = { ...merged[family], ...messages };
  tables().set(code, merged);
  globalThis.dispatchEvent?.(new Event(MESSAGES_EVENT));
}

/** What the page registered for a family in `lang`: English, the base language, then `lang`. */
export function registeredTables(lang: string, family: keyof Translation): MessageTable[] {
  const code = lang.toLowerCase();
  return ['en', code.split('-')[0]!, code].map((c) => tables().get(c)?.[family] ?? {});
}
