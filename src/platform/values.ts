/** Checks for values read from JSON documents and attributes. */

/** A finite number. */
export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** `value` when it is a finite number, else `fallback`. */
export const numberOr = (value: unknown, fallback: number): number =>
  isNumber(value) ? value : fallback;

/** A JSON object: not null, not an array. */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);
