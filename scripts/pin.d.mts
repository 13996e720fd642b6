/** Types of pin.mjs, for the tests that import it. */
export interface Pins {
  version: string;
  integrity: Record<string, string>;
}
export const PINS_FILE: string;
export const CDN: string;
export function sri(bytes: Uint8Array): string;
export function pinsOf(version: string, read?: (file: string) => Uint8Array): Pins;
export function pinnedTag(pins: Pins, file: string): string;
export function pinText(text: string, pins: Pins): string;
export function formatted(text: string, path?: string): Promise<string>;
export function scriptLines(text: string): { file: string; line: string }[];
