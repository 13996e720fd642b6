/**
 * A model's command contract as today's runtime publishes it (`requestSchema` → `modelSchema`):
 * an OpenAPI 3.1 document with each command at `paths["/events/<name>"].post`, its data the
 * operation's JSON request body, and uploads as a `$ref` to the shared `ReactorUploadReference`
 * component (`format: "reactor-upload-reference"`), optional ones inside `anyOf` with null.
 * Turned here into the element's `capabilities.commands`, every `$ref` resolved and every upload
 * field marked `format: "reactor-upload-reference"`. Framework-free.
 */
import type { CommandCapability } from './commands.js';
import { isRecord } from './values.js';

/** The `format` of an upload field: a `FileRef` from `uploadFile` fills it. */
export const UPLOAD_FORMAT = 'reactor-upload-reference';

type Schema = Record<string, unknown>;

/** `#/components/schemas/X` inside `doc`, or undefined. */
function pointer(doc: Schema, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isRecord(node) ? node[key] : undefined;
  }
  return node;
}

/** One field's schema with its `$ref` resolved, an upload marked, `anyOf` with null unwrapped. */
function field(doc: Schema, schema: unknown, depth = 0): Schema {
  if (!isRecord(schema) || depth > 8) return {};
  if (typeof schema.$ref === 'string') {
    if (/ReactorUploadReference$/.test(schema.$ref)) return { format: UPLOAD_FORMAT };
    const { $ref, ...rest } = schema;
    return { ...field(doc, pointer(doc, $ref as string), depth + 1), ...rest };
  }
  if (schema.format === UPLOAD_FORMAT) return { format: UPLOAD_FORMAT };
  const options = Array.isArray(schema.anyOf) ? schema.anyOf : schema.oneOf;
  if (Array.isArray(options)) {
    const some = options.filter((o) => !(isRecord(o) && o.type === 'null'));
    if (some.length === 1) {
      const rest = { ...schema };
      delete rest.anyOf;
      delete rest.oneOf;
      return { ...rest, ...field(doc, some[0], depth + 1), nullable: some.length < options.length };
    }
  }
  return schema;
}

/** The commands of a `modelSchema` document; null when it is not one. */
export function commandsOfSchema(doc: unknown): CommandCapability[] | null {
  if (!isRecord(doc) || !isRecord(doc.paths)) return isRecord(doc) && doc.openapi ? [] : null;
  const commands: CommandCapability[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    const name = /^\/events\/(.+)$/.exec(path)?.[1];
    const post = isRecord(item) ? item.post : undefined;
    if (!name || !isRecord(post)) continue;
    const body = isRecord(post.requestBody) ? post.requestBody.content : undefined;
    const json = isRecord(body) ? body['application/json'] : undefined;
    const schema = field(doc, isRecord(json) ? json.schema : undefined);
    const properties: Schema = {};
    if (isRecord(schema.properties))
      for (const [key, value] of Object.entries(schema.properties))
        properties[key] = field(doc, value);
    commands.push({
      name,
      description: String(post.summary ?? post.description ?? ''),
      schema: {
        type: 'object',
        properties,
        required: Array.isArray(schema.required) ? schema.required : [],
      },
    });
  }
  return commands;
}
