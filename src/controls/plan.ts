/**
 * Which control a visitor gets for each command of a model's contract: the mapping from a
 * command's JSON schema (as `capabilities.commands` holds it, `$ref`s resolved) to one of a
 * small set of controls. Decided here alone, free of lit, so a table can test it:
 * - no fields → a button that sends `{}`;
 * - an enum field and a boolean `pressed` → hold buttons (press sends `pressed: true`, release
 *   `pressed: false`), laid out as a pad when the values are directions;
 * - one string field → a text box with a send button (its `maxLength` kept);
 * - one enum field → a button per value;
 * - one boolean → a toggle;
 * - one number with a minimum and a maximum (at most 1000 steps for an integer) → a slider;
 * - one upload field → a file picker that uploads, then sends the command;
 * - anything else → no control. Optional fields that do not fit are left to the model's
 *   defaults: the command is mapped by its required fields alone when that fits.
 */
import type { CommandCapability } from '../platform/commands.js';
import { isUploadField, notACommand } from '../platform/commands.js';
import { isNumber, isRecord } from '../platform/values.js';
import { labelFor, type ControlLabels } from './labels.js';

type Schema = Record<string, unknown>;

interface Base {
  command: string;
  /** The visitor's name for it: the owner's label, else a humanised name. */
  label: string;
}

export type ControlPlan =
  | (Base & { kind: 'button' })
  | (Base & { kind: 'prompt'; field: string; maxLength: number | null })
  | (Base & { kind: 'choice'; field: string; values: Choice[] })
  | (Base & { kind: 'hold'; field: string; values: Choice[]; pressed: string; pad: boolean })
  | (Base & { kind: 'toggle'; field: string; initial: boolean })
  | (Base & {
      kind: 'slider';
      field: string;
      min: number;
      max: number;
      step: number;
      initial: number;
    })
  | (Base & { kind: 'upload'; field: string; accept: string });

export type ControlKind = ControlPlan['kind'];

/** One value of an enum, and its name for the visitor. */
export interface Choice {
  value: string | number;
  label: string;
}

/** What the contract gives: the controls in order, and the commands that got none (and why). */
export interface ControlsPlan {
  controls: ControlPlan[];
  /** Console lines: a command that cannot be mapped, a picked name the model does not declare. */
  problems: string[];
}

/** The words a pad understands: where each sits on a 3 × 3 grid (row, column), its arrow. */
export const PAD_CELLS: Record<string, [number, number, string]> = {
  forward: [1, 2, '↑'],
  up: [1, 2, '↑'],
  left: [2, 1, '←'],
  right: [2, 3, '→'],
  back: [3, 2, '↓'],
  backward: [3, 2, '↓'],
  down: [3, 2, '↓'],
};

const MAX_SLIDER_STEPS = 1000;

const typeOf = (schema: Schema) =>
  ([] as unknown[]).concat(schema.type ?? []).filter((t) => t !== 'null')[0];

const enumOf = (schema: Schema) =>
  Array.isArray(schema.enum) &&
  schema.enum.length > 0 &&
  schema.enum.every((v) => typeof v === 'string' || isNumber(v))
    ? (schema.enum as (string | number)[])
    : null;

const choices = (values: (string | number)[], labels: ControlLabels): Choice[] =>
  values.map((value) => ({ value, label: labelFor(labels, [String(value)], String(value)) }));

/** A control for `fields` (name → schema), or null when they do not map. */
function controlFor(
  command: string,
  fields: [string, Schema][],
  labels: ControlLabels,
): ControlPlan | null {
  if (fields.length === 0)
    return { kind: 'button', command, label: labelFor(labels, [command], command) };
  // A hold: a boolean `pressed` beside the one field it presses.
  const pressed = fields.find(([name, s]) => name === 'pressed' && typeOf(s) === 'boolean');
  const rest = fields.filter((f) => f !== pressed);
  if (rest.length !== 1) return null;
  const [field, schema] = rest[0]!;
  const base = { command, label: labelFor(labels, [command, field], command), field };
  const list = enumOf(schema);
  if (pressed)
    return list
      ? {
          ...base,
          kind: 'hold',
          values: choices(list, labels),
          pressed: 'pressed',
          pad: list.every((v) => typeof v === 'string' && v in PAD_CELLS),
        }
      : null;
  const type = typeOf(schema);
  if (isUploadField(schema))
    return {
      ...base,
      kind: 'upload',
      accept: typeof schema.contentMediaType === 'string' ? schema.contentMediaType : 'image/*',
    };
  if (list) return { ...base, kind: 'choice', values: choices(list, labels) };
  if (type === 'string')
    return {
      ...base,
      kind: 'prompt',
      maxLength: isNumber(schema.maxLength) && schema.maxLength > 0 ? schema.maxLength : null,
    };
  if (type === 'boolean') return { ...base, kind: 'toggle', initial: schema.default === true };
  if (type !== 'integer' && type !== 'number') return null;
  const { minimum: min, maximum: max } = schema;
  if (!isNumber(min) || !isNumber(max) || max <= min) return null;
  const step = isNumber(schema.multipleOf)
    ? schema.multipleOf
    : type === 'integer'
      ? 1
      : (max - min) / 100;
  if ((max - min) / step > MAX_SLIDER_STEPS) return null;
  const initial = isNumber(schema.default) ? schema.default : min;
  return { ...base, kind: 'slider', min, max, step, initial };
}

/** A command's control: by all its fields, else by its required ones alone. */
function planOne(command: CommandCapability, labels: ControlLabels): ControlPlan | null {
  const schema = isRecord(command.schema) ? command.schema : {};
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const fields = Object.entries(properties).map(([key, value]): [string, Schema] => [
    key,
    isRecord(value) ? value : {},
  ]);
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  return (
    controlFor(command.name, fields, labels) ??
    (fields.some(([key]) => !required.has(key))
      ? controlFor(
          command.name,
          fields.filter(([key]) => required.has(key)),
          labels,
        )
      : null)
  );
}

/**
 * Reads a `controls` value: null or absent is none; empty (or `auto`, `all`, `true`) is every
 * command; else the command names to show, in order.
 */
export function pickedCommands(controls: string | null): string[] | 'all' | null {
  if (controls === null) return null;
  const names = controls.trim().split(/\s+/).filter(Boolean);
  if (names.length === 0 || (names.length === 1 && /^(auto|all|true)$/i.test(names[0]!)))
    return 'all';
  return names;
}

/**
 * The controls of a contract: every command that maps (`'all'`), or the picked names in their
 * order. Each command is named once in `problems` when it gets no control.
 */
export function planControls(
  commands: readonly CommandCapability[],
  picked: string[] | 'all',
  labels: ControlLabels = {},
): ControlsPlan {
  const problems: string[] = [];
  const chosen: CommandCapability[] = [];
  if (picked === 'all') chosen.push(...commands);
  else
    for (const name of new Set(picked)) {
      const command = commands.find((c) => c.name === name);
      if (command) chosen.push(command);
      else problems.push(`controls: ${notACommand(name, commands)}`);
    }
  const controls: ControlPlan[] = [];
  for (const command of chosen) {
    const control = planOne(command, labels);
    if (control) controls.push(control);
    else
      problems.push(
        `controls: "${command.name}" gets no control (its fields are not one text, choice, switch, range or file); send it from the page with sendCommand.`,
      );
  }
  return { controls, problems };
}
