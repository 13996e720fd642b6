/**
 * Commands to the model: a check against what the model declares (its command names and the
 * required fields and types of each schema: a small check, not a schema library), and the wire
 * form, where uploaded files travel in the envelope's `uploads` section, apart from the scalar
 * arguments. Framework-free.
 */
import { PlatformError } from './errors.js';
import { UPLOAD_FORMAT } from './model-schema.js';
import { isNumber, isRecord } from './values.js';

/** A command the model declares (`capabilities.commands`). */
export interface CommandCapability {
  name: string;
  description: string;
  schema?: Record<string, unknown>;
}

/** A file uploaded to the live session (`uploadFile`): pass it as a value inside command data. */
export class FileRef {
  constructor(
    readonly uploadId: string,
    readonly name: string,
    readonly mimeType: string,
    readonly size: number,
  ) {}
}

const bad = (message: string) => new PlatformError('bad-request', message);

/** What `value` is, in JSON Schema's words. */
function typeOf(value: unknown): string {
  if (value instanceof FileRef) return 'upload';
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** An upload field: today's contract (`reactor-upload-reference`) or the legacy list's mark. */
export const isUploadField = (schema: Record<string, unknown>) =>
  schema.format === UPLOAD_FORMAT || schema.format === 'upload';

/**
 * Whether `value` fits one property's declared `type`, `enum`, upload `format`, `maxLength` and
 * `minimum`/`maximum`: null, or what it must be.
 */
function fits(value: unknown, schema: Record<string, unknown>): string | null {
  const actual = typeOf(value);
  if (actual === 'null' && schema.nullable) return null;
  if (isUploadField(schema) || actual === 'upload')
    return isUploadField(schema) && actual === 'upload' ? null : 'an uploaded file (uploadFile)';
  const types = ([] as unknown[]).concat(schema.type ?? []);
  const ok = types.some((t) => t === actual || (t === 'number' && actual === 'integer'));
  if (types.length && !ok) return types.join(' or ');
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  const { maxLength, minimum, maximum } = schema;
  if (typeof value === 'string' && isNumber(maxLength) && [...value].length > maxLength)
    return `at most ${maxLength} characters`;
  if (typeof value === 'number' && isNumber(minimum) && value < minimum)
    return `at least ${minimum}`;
  if (typeof value === 'number' && isNumber(maximum) && value > maximum)
    return `at most ${maximum}`;
  return null;
}

/** The message for a command name the model does not declare. */
export const notACommand = (name: string, commands: readonly CommandCapability[]) =>
  `"${name}" is not a command of this model (it declares ${commands.map((c) => c.name).join(', ') || 'none'}).`;

/**
 * Refuses a command the model does not declare, or data that misses a required field or has a
 * field of the wrong type or size. `commands`: the model's contract, or null while it is not
 * known (nothing is refused for not being declared then).
 */
export function checkCommand(
  commands: readonly CommandCapability[] | null,
  name: string,
  data: unknown,
): void {
  if (!commands) return;
  const command = commands.find((c) => c.name === name);
  if (!command) throw bad(notACommand(name, commands));
  const schema = command.schema;
  if (!schema || schema.type !== 'object') return;
  if (!isRecord(data)) throw bad(`"${name}" takes an object.`);
  const properties = isRecord(schema.properties) ? schema.properties : {};
  for (const key of Array.isArray(schema.required) ? schema.required : [])
    if (data[key as string] === undefined) throw bad(`"${name}" needs "${String(key)}".`);
  for (const [key, value] of Object.entries(data)) {
    const property = properties[key];
    const wanted = isRecord(property) && value !== undefined ? fits(value, property) : null;
    if (wanted) throw bad(`"${name}": "${key}" must be ${wanted}.`);
  }
}

/** Command data on the wire: scalar arguments in `data`, uploaded files in `uploads`. */
export function wireCommand(data: unknown): { data: unknown; uploads?: Record<string, unknown> } {
  if (!isRecord(data)) return { data };
  const rest: Record<string, unknown> = {};
  const uploads: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (value instanceof FileRef)
      uploads[key] = {
        upload_id: value.uploadId,
        name: value.name,
        mime_type: value.mimeType,
        size: value.size,
      };
    else rest[key] = value;
  }
  return Object.keys(uploads).length ? { data: rest, uploads } : { data: rest };
}
