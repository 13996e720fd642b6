/**
 * The model's contract as today's runtime publishes it (OpenAPI 3.1 over `requestSchema`), read
 * into `capabilities.commands`, and `sendCommand`'s check against it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { commandsOfSchema } from '../../src/platform/model-schema.js';
import { FileRef, checkCommand } from '../../src/platform/commands.js';
import { readRuntimeMessage } from '../../src/platform/runtime-messages.js';

const UPLOAD = {
  type: 'object',
  format: 'reactor-upload-reference',
  properties: { upload_id: { type: 'string' } },
};

/** A runtime-shaped document with one command whose body is `schema`. */
const doc = (schema: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  openapi: '3.1.0',
  paths: {
    '/events/act': {
      post: {
        summary: 'Acts.',
        requestBody: { content: { 'application/json': { schema } } },
        responses: { '202': { description: 'Command accepted' } },
      },
    },
    '/health': { get: {} },
  },
  components: {
    schemas: {
      ReactorUploadReference: UPLOAD,
      Level: { type: 'integer', minimum: 1, maximum: 9 },
      ...extra,
    },
  },
});

const fieldOf = (schema: Record<string, unknown>, name = 'x') => {
  const [command] = commandsOfSchema(doc({ type: 'object', properties: { [name]: schema } }))!;
  return (command!.schema!.properties as Record<string, unknown>)[name];
};

describe('the model’s contract (modelSchema → capabilities.commands)', () => {
  const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
    [
      'an upload by $ref',
      { $ref: '#/components/schemas/ReactorUploadReference' },
      { format: 'reactor-upload-reference' },
    ],
    ['an upload by format, inlined', UPLOAD, { format: 'reactor-upload-reference' }],
    [
      'an optional upload (anyOf with null)',
      {
        anyOf: [{ $ref: '#/components/schemas/ReactorUploadReference' }, { type: 'null' }],
        default: null,
      },
      { default: null, format: 'reactor-upload-reference', nullable: true },
    ],
    [
      'another component, resolved',
      { $ref: '#/components/schemas/Level' },
      { type: 'integer', minimum: 1, maximum: 9 },
    ],
    [
      'an optional string',
      { anyOf: [{ type: 'string', maxLength: 5 }, { type: 'null' }] },
      { type: 'string', maxLength: 5, nullable: true },
    ],
    ['an enum, as is', { type: 'string', enum: ['a', 'b'] }, { type: 'string', enum: ['a', 'b'] }],
    ['a $ref that points nowhere', { $ref: '#/components/schemas/Missing' }, {}],
  ];
  for (const [label, input, expected] of cases)
    it(label, () => assert.deepEqual(fieldOf(input), expected));

  it('names each command by its path, with its summary and required fields; other paths are ignored', () => {
    const commands = commandsOfSchema(
      doc({ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }),
    );
    assert.deepEqual(commands, [
      {
        name: 'act',
        description: 'Acts.',
        schema: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
      },
    ]);
  });

  it('a document with no paths is a model with no commands; anything else is no contract', () => {
    assert.deepEqual(commandsOfSchema({ openapi: '3.1.0', info: {} }), []);
    assert.equal(commandsOfSchema('nope'), null);
    assert.equal(commandsOfSchema({ paths: 'x' }), null);
  });

  it('survives a $ref cycle', () => {
    const cyclic = doc(
      { type: 'object', properties: { x: { $ref: '#/components/schemas/A' } } },
      {
        A: { $ref: '#/components/schemas/A' },
      },
    );
    assert.deepEqual(commandsOfSchema(cyclic)![0]!.schema!.properties, { x: {} });
  });
});

describe('sendCommand’s check against the contract', () => {
  const [act] = commandsOfSchema(
    doc({
      type: 'object',
      properties: {
        image: {
          anyOf: [{ $ref: '#/components/schemas/ReactorUploadReference' }, { type: 'null' }],
        },
        level: { $ref: '#/components/schemas/Level' },
      },
      required: ['level'],
    }),
  )!;
  const file = new FileRef('u1', 'a.png', 'image/png', 3);
  const refusal = (commands: Parameters<typeof checkCommand>[0], name: string, data: unknown) => {
    try {
      checkCommand(commands, name, data);
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  };

  it('a FileRef passes an upload field, null an optional one; a string does not', () => {
    assert.equal(refusal([act!], 'act', { level: 3, image: file }), null);
    assert.equal(refusal([act!], 'act', { level: 3, image: null }), null);
    assert.equal(
      refusal([act!], 'act', { level: 3, image: 'a.png' }),
      '"act": "image" must be an uploaded file (uploadFile).',
    );
  });

  it('minimum and maximum from a resolved component', () => {
    assert.equal(refusal([act!], 'act', { level: 10 }), '"act": "level" must be at most 9.');
    assert.equal(refusal([act!], 'act', { level: 0 }), '"act": "level" must be at least 1.');
  });

  it('undeclared: refused once the contract is known (even an empty one), never before', () => {
    assert.equal(refusal(null, 'anything', {}), null);
    assert.equal(
      refusal([act!], 'fly', {}),
      '"fly" is not a command of this model (it declares act).',
    );
    assert.equal(
      refusal([], 'fly', {}),
      '"fly" is not a command of this model (it declares none).',
    );
  });
});

describe('the runtime’s messages', () => {
  it('sessionEnded, moderation and modelSchema; anything else means nothing', () => {
    assert.deepEqual(readRuntimeMessage({ type: 'sessionEnded', data: { reason: 'deployment' } }), {
      kind: 'ended',
      reason: 'deployment',
    });
    assert.deepEqual(
      readRuntimeMessage({
        type: 'moderation',
        data: { action: 'terminate', message: 'No.', command: 'set_prompt', categories: ['x', 1] },
      }),
      {
        kind: 'moderation',
        detail: { action: 'terminate', message: 'No.', command: 'set_prompt', categories: ['x'] },
      },
    );
    assert.equal(
      readRuntimeMessage({ type: 'moderation', data: { action: 'ban' } })!.kind,
      'moderation',
    );
    assert.equal(readRuntimeMessage({ type: 'pong', data: {} }), null);
    assert.equal(readRuntimeMessage('text'), null);
    assert.equal(readRuntimeMessage({ type: 'modelSchema', data: {} }), null);
  });
});
