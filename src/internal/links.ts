import { isHttpUrl } from '../platform/http.js';
import { sayOnce } from './console.js';

/**
 * `url` when it may be rendered as a link: `https:`, `http:` or relative. Any other scheme
 * (`javascript:`, `data:`) renders no link, said once in the console for each value.
 */
export function safeLink(url: string, attribute: string): string {
  if (!url || isHttpUrl(url, location.href)) return url;
  sayOnce(`${attribute}="${url}" is not an http(s) or relative link: no link is shown.`);
  return '';
}
