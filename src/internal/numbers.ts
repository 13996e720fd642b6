/**
 * Numeric attributes: a mistyped value is never silently taken for another one. Each element
 * reads its numbers through `numberAtLeast` (the default for anything that is not a finite
 * number at or above the floor) and says once, in one console line, what it used instead.
 */
import { isNumber } from '../platform/values.js';
import { say } from './console.js';

/**
 * A number as written in an attribute: plain decimal only (`300`, `1.5`, `1e3`). Anything else
 * (blank, `0x10`, `-0`, `Infinity`) is NaN: a bad value, never silently another one (a blank
 * `idle-timeout` read as 0 would turn the idle detector off).
 */
export function parseDecimal(text: string): number {
  const t = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return NaN;
  const n = Number(t);
  return Object.is(n, -0) ? NaN : n;
}

/** A number from an attribute or a property (a numeric string counts, as frameworks set them). */
export function asNumber(value: unknown): unknown {
  return typeof value === 'string' ? parseDecimal(value) : value;
}

/** `value` when it is a finite number ≥ `min`, else null. */
export function numberAtLeast(value: unknown, min: number): number | null {
  const n = asNumber(value);
  return isNumber(n) && n >= min ? n : null;
}

/** Logs each distinct problem once per element (attributes are set again and again). */
export class ProblemLog {
  private readonly said = new Set<string>();
  constructor(private readonly tag: string) {}

  say(problems: readonly (string | null)[]): void {
    for (const problem of problems) {
      if (problem === null || this.said.has(problem)) continue;
      this.said.add(problem);
      say(`<${this.tag}>: ${problem}`);
    }
  }
}

/** How `value` was written: the attribute's text when it holds this value, else the value. */
export function written(host: Element, attribute: string, value: unknown): string {
  const text = host.getAttribute(attribute);
  return text !== null && Object.is(parseDecimal(text), Number(value)) ? text : String(value);
}

/** The console line for a `refresh` that is not a number of seconds, or null. */
export function refreshProblem(host: Element & { refresh: unknown }, fallback: number) {
  const { refresh } = host;
  if (refresh == null || numberAtLeast(refresh, 0) !== null) return null;
  return `refresh="${written(host, 'refresh', refresh)}" is not a number of seconds (0 turns refreshing off): using ${fallback}.`;
}
