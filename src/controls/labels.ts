/**
 * The names visitors read on the controls: the owner's own (`control-labels`, JSON that maps a
 * command, a field or an enum value to text), else the name the model gave, made readable
 * (`set_seed_image` → "Seed image"). A command's description is written for developers and is
 * never shown. Framework-free.
 */
import { isRecord } from '../platform/values.js';

/** Command, field or value names to the text a visitor reads. */
export type ControlLabels = Record<string, string>;

/** `set_seed_image` → "Seed image", `randomImage` → "Random image", `forward` → "Forward". */
export function humanise(name: string): string {
  const words = name
    .replace(/^set[_-]/i, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : name;
}

/** The owner's label for the first of `keys` that has one, else `fallback` humanised. */
export const labelFor = (labels: ControlLabels, keys: string[], fallback: string): string => {
  for (const key of keys) {
    const text = labels[key];
    if (text) return text;
  }
  return humanise(fallback);
};

const LABEL_LIMIT = 80;

/**
 * Reads `control-labels` (a JSON text from the attribute, or an object from the property): the
 * labels that are usable, and a console line for what is not (a broken JSON text, a value that is
 * not text). Null and '' are no labels.
 */
export function readLabels(value: unknown): { labels: ControlLabels; problem: string | null } {
  if (value === null || value === undefined || value === '') return { labels: {}, problem: null };
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value) as unknown;
    } catch {
      return {
        labels: {},
        problem: `control-labels is not JSON (${value.slice(0, 60)}): write it as {"set_prompt": "Describe a scene"}. The controls use their own names.`,
      };
    }
  }
  if (!isRecord(parsed))
    return {
      labels: {},
      problem:
        'control-labels must be an object of names to texts, as {"set_prompt": "Describe a scene"}. The controls use their own names.',
    };
  const labels: ControlLabels = {};
  const bad: string[] = [];
  for (const [key, text] of Object.entries(parsed)) {
    if (typeof text === 'string' && text.trim()) labels[key] = text.trim().slice(0, LABEL_LIMIT);
    else bad.push(key);
  }
  return {
    labels,
    problem: bad.length
      ? `control-labels: ${bad.map((k) => `"${k}"`).join(', ')} must be text; their controls use their own names.`
      : null,
  };
}
