/** Attribute converters the elements share. */
import { parseDecimal } from './numbers.js';

/** A numeric attribute read by `parseDecimal` (a bad value is NaN; the element says so). */
export const decimal = {
  fromAttribute: (value: string | null) => (value === null ? null : parseDecimal(value)),
  toAttribute: (value: number | null) => (value === null ? null : String(value)),
};

/** A boolean attribute that is on unless it says `false` (`off`, `0`, `no`). */
export const onUnlessFalse = {
  fromAttribute: (value: string | null) =>
    value === null || !/^(false|off|0|no)$/i.test(value.trim()),
  toAttribute: (value: boolean) => (value ? null : 'false'),
};
