/**
 * What a framework or a page's script may set on `<reactor-session>` that its attributes never
 * would: `null` or `undefined` (an unset environment variable, a removed attribute), a number or
 * an object where a string belongs, the string `"false"` for a flag (React 19's bare tags, Vue
 * templates and the React components pass `reconnect="false"` as a string). Each is read here as
 * the documented value before the element uses it: a missing value is the default, `"false"`
 * (`off`, `0`, `no`) is false, anything else that is not the right type is the default and one
 * console line.
 */
import { isFalseWord } from '../../internal/converters.js';

/** The string properties and their defaults. */
const STRINGS = {
  model: '',
  tokenUrl: '',
  apiUrl: '',
  videoTrack: 'main_video',
  topupUrl: '',
  keys: '',
  background: 'auto',
} as const;

/** The flags and their defaults. */
const FLAGS = {
  autoconnect: false,
  debug: false,
  reconnect: true,
  exclusive: true,
  muted: true,
} as const;

const described = (value: unknown) =>
  Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;

/**
 * Reads every changed property of `el` as its documented type, in place; returns the console
 * lines for values that were not usable.
 */
export function normaliseProperties(
  el: object,
  changed: ReadonlyMap<PropertyKey, unknown>,
): string[] {
  const values = el as Record<string, unknown>;
  const lines: string[] = [];
  for (const [name, fallback] of Object.entries(STRINGS)) {
    if (!changed.has(name)) continue;
    const value = values[name];
    if (typeof value === 'string') {
      // `background` is a keyword: " Hold " is hold.
      if (name === 'background') values[name] = value.trim().toLowerCase() || fallback;
      continue;
    }
    if (value != null)
      lines.push(
        `${name} must be a string, not ${described(value)}: using ${fallback ? `"${fallback}"` : 'none'}.`,
      );
    values[name] = fallback;
  }
  for (const [name, fallback] of Object.entries(FLAGS)) {
    if (!changed.has(name)) continue;
    const value = values[name];
    if (typeof value === 'boolean') continue;
    if (value == null) values[name] = fallback;
    else if (typeof value === 'string') values[name] = !isFalseWord(value);
    else if (typeof value === 'number') values[name] = value !== 0;
    else {
      lines.push(`${name} must be true or false, not ${described(value)}: using ${fallback}.`);
      values[name] = fallback;
    }
  }
  if (changed.has('controls')) {
    // `controls` is a list of names, and a flag to the frameworks that pass booleans.
    const value = values.controls;
    if (value === true) values.controls = '';
    else if (value === false || value === undefined) values.controls = null;
    else if (typeof value === 'string' && isFalseWord(value)) values.controls = null;
    else if (value !== null && typeof value !== 'string') {
      lines.push(`controls must be command names or true, not ${described(value)}: using none.`);
      values.controls = null;
    }
  }
  return lines;
}

/** The limits whose values are checked (and said on the console when unusable). */
export const LIMITS = [
  'maxDuration',
  'idleTimeout',
  'idleWarning',
  'hiddenTimeout',
  'maxCost',
  'background',
] as const;

/** What a live session hears of when it changes: a stricter limit applies at once. */
export const SETTINGS = ['model', 'apiUrl', 'reconnect', ...LIMITS] as const;
