/**
 * What each emulated model declares: its tracks and its commands (with JSON schemas), served in
 * `GET /sessions/{id}` `capabilities` so that a page can build its controls from them.
 */
import type { CommandCapability } from './peer.js';

export interface TrackCapability {
  name: string;
  kind: 'video' | 'audio';
  direction: 'recvonly' | 'sendonly';
}

const SET_PROMPT: CommandCapability = {
  name: 'set_prompt',
  description: 'Sets the text prompt that steers the generated world.',
  schema: {
    type: 'object',
    properties: { prompt: { type: 'string', maxLength: 2000 } },
    required: ['prompt'],
  },
};

/** Per model; a model the config adds without an entry here declares helios's. */
const MODELS: Record<string, { tracks: TrackCapability[]; commands: CommandCapability[] }> = {
  helios: {
    tracks: [{ name: 'main_video', kind: 'video', direction: 'recvonly' }],
    commands: [SET_PROMPT],
  },
  lingbot: {
    tracks: [
      { name: 'main_video', kind: 'video', direction: 'recvonly' },
      { name: 'main_audio', kind: 'audio', direction: 'recvonly' },
    ],
    commands: [
      {
        name: 'move',
        description: 'Moves the camera while pressed.',
        schema: {
          type: 'object',
          properties: {
            direction: { enum: ['forward', 'back', 'left', 'right'] },
            pressed: { type: 'boolean' },
          },
          required: ['direction'],
        },
      },
      {
        name: 'set_seed_image',
        description: 'Starts the world from an uploaded image.',
        schema: {
          type: 'object',
          properties: { image: { format: 'upload', contentMediaType: 'image/*' } },
          required: ['image'],
        },
      },
    ],
  },
};

export function modelCapabilities(model: string) {
  return MODELS[model] ?? MODELS.helios!;
}
