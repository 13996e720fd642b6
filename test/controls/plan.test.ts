/**
 * The mapping from a model's contract to the visitor controls, as a table: one command of every
 * shape (the emulator's `sampler` model), read both from today's OpenAPI contract and from the
 * legacy `capabilities.commands` list, and what each becomes. Also the labels, and the picks.
 */
import { expect } from '@open-wc/testing';
import { planControls, pickedCommands } from '../../src/controls/plan.js';
import { humanise, readLabels } from '../../src/controls/labels.js';
import { commandsOfSchema } from '../../src/platform/model-schema.js';
import { legacyCommands, modelSchema } from '../../demo/emulator/models.js';
import type { CommandCapability } from '../../src/platform/commands.js';

/** command → [kind, label, what else matters] */
const TABLE: [string, string, string, Record<string, unknown>][] = [
  ['set_prompt', 'prompt', 'Prompt', { field: 'prompt', maxLength: 200 }],
  ['random_image', 'button', 'Random image', {}],
  ['set_style', 'choice', 'Style', { field: 'style' }],
  ['move', 'hold', 'Move', { field: 'direction', pressed: 'pressed', pad: true }],
  ['act', 'hold', 'Act', { field: 'action', pad: false }],
  ['set_paused', 'toggle', 'Paused', { field: 'paused', initial: false }],
  ['set_speed', 'slider', 'Speed', { field: 'speed', min: 0, max: 30, step: 0.5, initial: 10 }],
  ['set_seed_image', 'upload', 'Seed image', { field: 'image', accept: 'image/*' }],
  // An upload with an optional prompt: mapped by its required field, the prompt left to the model.
  ['set_image', 'upload', 'Image', { field: 'image' }],
  // A seed of two billion values is no slider; it is optional, so the command is a button.
  ['reset', 'button', 'Reset', {}],
];

const shapes: [string, CommandCapability[]][] = [
  ['the OpenAPI contract (requestSchema)', commandsOfSchema(modelSchema('sampler'))!],
  ['the legacy capabilities.commands', legacyCommands('sampler')],
];

describe('controls: the mapping from the contract', () => {
  for (const [shape, commands] of shapes)
    it(`maps every row from ${shape}, in the contract's order, and names the one it cannot map`, () => {
      const { controls, problems } = planControls(commands, 'all');
      expect(controls.map((c) => c.command)).to.deep.equal(TABLE.map(([name]) => name));
      for (const [name, kind, label, extra] of TABLE) {
        const control = controls.find((c) => c.command === name)!;
        expect(control.kind, name).to.equal(kind);
        expect(control.label, name).to.equal(label);
        for (const [key, value] of Object.entries(extra))
          expect(
            (control as unknown as Record<string, unknown>)[key],
            `${name}.${key}`,
          ).to.deep.equal(value);
      }
      expect(problems).to.have.length(1);
      expect(problems[0]).to.contain('"set_path" gets no control');
    });

  it('lists the values of a choice and a pad with their names', () => {
    const { controls } = planControls(legacyCommands('sampler'), ['set_style', 'move'], {
      forward: 'Ahead',
    });
    expect(controls.map((c) => ('values' in c ? c.values.map((v) => v.label) : []))).to.deep.equal([
      ['Painted', 'Photo', 'Sketch'],
      ['Ahead', 'Back', 'Left', 'Right'],
    ]);
  });

  it('picks and orders by a list of names, and names the ones the model lacks', () => {
    const { controls, problems } = planControls(legacyCommands('sampler'), [
      'move',
      'set_prompt',
      'fly',
      'move',
    ]);
    expect(controls.map((c) => c.command)).to.deep.equal(['move', 'set_prompt']);
    expect(problems).to.deep.equal([
      'controls: "fly" is not a command of this model (it declares set_prompt, random_image, set_style, move, act, set_paused, set_speed, set_seed_image, set_image, reset, set_path).',
    ]);
  });

  it('reads the controls attribute: absent none, empty or auto all, else names', () => {
    expect(pickedCommands(null)).to.equal(null);
    for (const all of ['', '  ', 'auto', 'ALL', 'true'])
      expect(pickedCommands(all), all).to.equal('all');
    expect(pickedCommands(' move  set_prompt ')).to.deep.equal(['move', 'set_prompt']);
  });

  it('names a control by the owner’s label (command, then field), else humanised, never by its description', () => {
    const commands = legacyCommands('lingbot');
    const plain = planControls(commands, 'all').controls.map((c) => c.label);
    expect(plain).to.deep.equal(['Move', 'Seed image']);
    const owned = planControls(commands, 'all', { image: 'Your photo', move: 'Walk' }).controls;
    expect(owned.map((c) => c.label)).to.deep.equal(['Walk', 'Your photo']);
    expect(humanise('set_seed_image')).to.equal('Seed image');
    expect(humanise('randomImage')).to.equal('Random image');
  });

  it('reads control-labels from JSON or an object, and says what it cannot use', () => {
    expect(readLabels('{"set_prompt":"Describe a scene"}')).to.deep.equal({
      labels: { set_prompt: 'Describe a scene' },
      problem: null,
    });
    expect(readLabels({ move: ' Walk ' }).labels).to.deep.equal({ move: 'Walk' });
    expect(readLabels('{set_prompt: x}').problem).to.contain('control-labels is not JSON');
    expect(readLabels('[1]').problem).to.contain('must be an object');
    const some = readLabels({ move: 'Walk', set_prompt: 3 });
    expect(some.labels).to.deep.equal({ move: 'Walk' });
    expect(some.problem).to.contain('"set_prompt" must be text');
    expect(readLabels(null)).to.deep.equal({ labels: {}, problem: null });
  });

  it('gives no control for a contract of nothing but unmappable commands, with one line each', () => {
    const commands: CommandCapability[] = [
      {
        name: 'a',
        description: '',
        schema: { type: 'object', properties: { x: { type: 'object' } }, required: ['x'] },
      },
      {
        name: 'b',
        description: '',
        schema: { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] },
      },
      {
        name: 'c',
        description: '',
        schema: {
          type: 'object',
          properties: { s: { type: 'string' }, t: { type: 'string' } },
          required: ['s', 't'],
        },
      },
    ];
    const { controls, problems } = planControls(commands, 'all');
    expect(controls).to.deep.equal([]);
    expect(problems.map((p) => p.split('"')[1])).to.deep.equal(['a', 'b', 'c']);
  });
});
