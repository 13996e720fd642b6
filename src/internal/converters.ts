/** Attribute converters the elements share. */
import { parseDecimal } from './numbers.js';

/** A numeric attribute read by `parseDecimal` (a bad value is NaN; the element says so). */
export const decimal = {
  fromAttribute: (value: string | null) => (value === null ? null : parseDecimal(value)),
  toAttribute: (value: number | null) => (value === null ? null : String(value)),
};

/** Whether an attribute's text says no: `false`, `off`, `0` or `no` (any case, spaces around). */
export const isFalseWord = (value: string) => /^(false|off|0|no)$/i.test(value.trim());

/** A boolean attribute that is on unless it says `false` (`off`, `0`, `no`). */
export const onUnlessFalse = {
  fromAttribute: (value: string | null) => value === null || !isFalseWord(value),
  toAttribute: (value: boolean) => (value ? null : 'false'),
};

/**
 * A boolean attribute that is on when present, unless it says `false` (`off`, `0`, `no`):
 * `autoconnect="false"` is off, where HTML's own boolean attributes would read it as on.
 */
export const onWhenPresent = {
  fromAttribute: (value: string | null) => value !== null && !isFalseWord(value),
  toAttribute: (value: boolean) => (value ? '' : null),
};
