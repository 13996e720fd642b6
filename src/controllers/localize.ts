import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { localeOf } from '../internal/format.js';
import {
  MESSAGES_EVENT,
  type MessageTable,
  type Translation,
  registeredTables,
} from '../i18n/registry.js';

/** Values for a message's `{name}` placeholders: text, numbers or lit templates. */
export type MessageValues = Record<string, unknown>;

/** Fills the `{name}` placeholders of a message: the pieces, with the values in place. */
export const fill = (message: string, values: MessageValues): unknown[] =>
  message.split(/\{(\w+)\}/).map((piece, i) => (i % 2 ? values[piece] : piece));

/** Fills the `{name}` placeholders of a message, as plain text. */
export const format = (message: string, values: MessageValues): string =>
  fill(message, values).join('');

let langObserver: MutationObserver | undefined;

/**
 * A host's messages in its language (the closest `lang`): the family's built-in English with the
 * page's registered translations on top. Re-renders the host when a translation is registered or
 * the document's `lang` changes.
 */
export class LocalizeController<T extends MessageTable> implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly family: keyof Translation,
    private readonly english: T,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener(MESSAGES_EVENT, this.onChange);
    langObserver ??= new MutationObserver(() => dispatchEvent(new Event(MESSAGES_EVENT)));
    langObserver.observe(document.documentElement, { attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    removeEventListener(MESSAGES_EVENT, this.onChange);
  }

  /** The host's language, for messages and numbers alike. */
  get lang(): string {
    return localeOf(this.host);
  }

  /**
   * The language the texts are in: the host's where the page registered messages for it, else
   * `en` (the built-in English, marked so on a page of another language: WCAG 3.1.2).
   */
  get textLang(): string {
    const [, base, own] = registeredTables(this.lang, this.family);
    return Object.keys({ ...base, ...own }).length ? this.lang : 'en';
  }

  /** The messages in the host's language, by name. */
  get t(): T {
    return Object.assign({}, this.english, ...registeredTables(this.lang, this.family)) as T;
  }

  private readonly onChange = () => this.host.requestUpdate();
}
