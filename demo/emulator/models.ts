/**
 * What each emulated model declares. Today's runtime leaves `capabilities.commands` empty on
 * purpose and publishes its command contract as an OpenAPI 3.1 document, asked for on the data
 * channel (`requestSchema` → `modelSchema`): commands as `paths["/events/<name>"].post`, uploads
 * as a `$ref` to the shared `ReactorUploadReference`, tracks under `x-reactor.tracks`, a field
 * the platform moderates marked `x-reactor-moderate`. A field with a `default` is optional.
 *
 * The legacy list (`commands` with JSON schemas, `format: 'upload'`) is kept only for the
 * platform's relay of older clients (`requestCapabilities`, which today's runtime drops).
 */
import type { CommandCapability } from './peer.js';

export interface TrackCapability {
  name: string;
  kind: 'video' | 'audio';
  direction: 'recvonly' | 'sendonly';
}

/** One command as the runtime's contract describes it: its fields' schemas, a summary. */
interface CommandContract {
  summary: string;
  fields: Record<string, Record<string, unknown>>;
}

interface ModelContract {
  description: string;
  tracks: TrackCapability[];
  commands: Record<string, CommandContract>;
}

const UPLOAD_REF = { $ref: '#/components/schemas/ReactorUploadReference' };

/** The runtime's shared upload component (an uploaded file's reference). */
const UPLOAD_REFERENCE = {
  type: 'object',
  format: 'reactor-upload-reference',
  description: 'Reference to a file uploaded via the Reactor upload protocol.',
  properties: {
    upload_id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    mime_type: { type: 'string' },
    size: { type: 'integer' },
  },
  required: ['upload_id', 'name', 'mime_type', 'size'],
};

/** Per model; a model the config adds without an entry here declares helios's. */
const MODELS: Record<string, ModelContract> = {
  helios: {
    description: 'A world generated from a text prompt.',
    tracks: [{ name: 'main_video', kind: 'video', direction: 'recvonly' }],
    commands: {
      set_prompt: {
        summary: 'Sets the text prompt that steers the generated world.',
        fields: {
          prompt: {
            type: 'string',
            maxLength: 2000,
            description: 'What the world should show.',
            'x-reactor-moderate': true,
          },
        },
      },
    },
  },
  lingbot: {
    description: 'A world to walk through, started from an image.',
    tracks: [
      { name: 'main_video', kind: 'video', direction: 'recvonly' },
      { name: 'main_audio', kind: 'audio', direction: 'recvonly' },
    ],
    commands: {
      move: {
        summary: 'Moves the camera while pressed.',
        fields: {
          direction: { type: 'string', enum: ['forward', 'back', 'left', 'right'] },
          pressed: { type: 'boolean', default: true },
        },
      },
      set_seed_image: {
        summary: 'Starts the world from an uploaded image.',
        fields: { image: UPLOAD_REF },
      },
    },
  },
  /**
   * Not priced by default (a test adds it to `models`): one command of every shape a contract
   * can have, for the visitor controls.
   */
  sampler: {
    description: 'Every kind of command, for the visitor controls.',
    tracks: [{ name: 'main_video', kind: 'video', direction: 'recvonly' }],
    commands: {
      set_prompt: {
        summary: 'Sets the prompt.',
        fields: { prompt: { type: 'string', maxLength: 200, 'x-reactor-moderate': true } },
      },
      random_image: { summary: 'Starts from a random image.', fields: {} },
      set_style: {
        summary: 'Picks a style.',
        fields: { style: { type: 'string', enum: ['painted', 'photo', 'sketch'] } },
      },
      move: {
        summary: 'Moves while pressed.',
        fields: {
          direction: { type: 'string', enum: ['forward', 'back', 'left', 'right'] },
          pressed: { type: 'boolean', default: true },
        },
      },
      act: {
        summary: 'Acts while pressed.',
        fields: {
          action: { type: 'string', enum: ['jump', 'crouch'] },
          pressed: { type: 'boolean', default: true },
        },
      },
      set_paused: { summary: 'Pauses the world.', fields: { paused: { type: 'boolean' } } },
      set_speed: {
        summary: 'Sets the speed.',
        fields: {
          speed: { type: 'number', minimum: 0, maximum: 30, multipleOf: 0.5, default: 10 },
        },
      },
      set_seed_image: { summary: 'Starts from an image.', fields: { image: UPLOAD_REF } },
      set_image: {
        summary: 'Starts from an image with a prompt.',
        fields: {
          image: UPLOAD_REF,
          prompt: { anyOf: [{ type: 'string', maxLength: 4096 }, { type: 'null' }], default: null },
        },
      },
      reset: {
        summary: 'Starts over.',
        fields: { seed: { type: 'integer', minimum: -1, maximum: 2147483647, default: -1 } },
      },
      set_path: {
        summary: 'Follows a path.',
        fields: { points: { type: 'array', items: { type: 'number' } } },
      },
    },
  },
};

const contractOf = (model: string) => MODELS[model] ?? MODELS.helios!;

/** The session descriptor's capabilities: tracks, and (as today's runtime) no commands. */
export function modelCapabilities(model: string) {
  return { tracks: contractOf(model).tracks, commands: [] as CommandCapability[] };
}

/**
 * The legacy command list of the platform's relay (`requestCapabilities` → `modelCapabilities`),
 * as SDK 2.9.0-era clients read it: JSON schemas, uploads marked `format: 'upload'`.
 */
export function legacyCommands(model: string): CommandCapability[] {
  return Object.entries(contractOf(model).commands).map(([name, command]) => {
    const properties: Record<string, unknown> = {};
    for (const [field, schema] of Object.entries(command.fields))
      properties[field] = schema === UPLOAD_REF ? { format: 'upload' } : schema;
    return {
      name,
      description: command.summary,
      schema: { type: 'object', properties, required: requiredOf(command.fields) },
    };
  });
}

const requiredOf = (fields: CommandContract['fields']) =>
  Object.entries(fields)
    .filter(([, schema]) => !('default' in schema))
    .map(([name]) => name);

/** The `modelSchema` document: the runtime's OpenAPI 3.1 rendering of the model's contract. */
export function modelSchema(model: string): Record<string, unknown> {
  const contract = contractOf(model);
  const paths: Record<string, unknown> = {};
  for (const [name, command] of Object.entries(contract.commands)) {
    const required = requiredOf(command.fields);
    paths[`/events/${name}`] = {
      post: {
        operationId: name,
        summary: command.summary,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: command.fields,
                ...(required.length ? { required } : {}),
              },
            },
          },
        },
        responses: { '202': { description: 'Command accepted' } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: model, version: 'v0.0.0-emulator', description: contract.description },
    'x-reactor': {
      tracks: contract.tracks.map((t) => ({
        name: t.name,
        kind: t.kind,
        direction: t.direction === 'recvonly' ? 'out' : 'in',
      })),
    },
    paths,
    components: { schemas: { ReactorUploadReference: UPLOAD_REFERENCE } },
  };
}
