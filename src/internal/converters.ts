/** Attribute converters the elements share. */

/** A boolean attribute that is on unless it says `false` (`off`, `0`, `no`). */
export const onUnlessFalse = {
  fromAttribute: (value: string | null) =>
    value === null || !/^(false|off|0|no)$/i.test(value.trim()),
  toAttribute: (value: boolean) => (value ? null : 'false'),
};
