/**
 * Bad input, round three: the broker never logs its API key. A key with a line break (two keys
 * pasted into REACTOR_API_KEY) made the platform call throw an error quoting the header value,
 * and the 502 log line carried it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTokenHandler } from '../../src/server/index.js';
import { tokenHandlerFromEnv } from '../../src/server/env.js';
import { maskSecrets } from '../../src/server/replies.js';

const SITE = 'https://site.test';
const KEY = 'rk_live_9f8e7d6c5b4a39281706';

describe('the broker keeps its key out of every log line', () => {
  it('masks keys, tokens and URL credentials in any line', () => {
    assert.equal(
      maskSecrets(`header "${KEY}\nrk_other_key" https://me:pw@api.test eyJhbGciOi.eyJzdWIi.c2ln`),
      'header "rk_live…\nrk_othe…" https://***@api.test eyJ… (a token)',
    );
  });

  it('a fetch that quotes the key in its error: the 502 line says why, without the key', async () => {
    const lines: string[] = [];
    const handler = createTokenHandler({
      apiKey: KEY,
      apiUrl: 'https://api.test',
      models: ['reactor/helios'],
      allowedOrigins: [SITE],
      log: (line) => lines.push(line),
      fetch: () =>
        Promise.reject(new TypeError(`Headers.append: "${KEY}" is an invalid header value.`)),
    });
    const res = await handler(
      new Request(`${SITE}/api/reactor-token`, { headers: { Origin: SITE } }),
    );
    assert.equal(res.status, 502);
    assert.match(
      lines.join('\n'),
      /502 token-service-unreachable: POST https:\/\/api\.test\/tokens failed/,
    );
    assert.doesNotMatch(lines.join('\n'), /9f8e7d6c/);
    assert.doesNotMatch(await res.text(), /9f8e7d6c/);
  });

  it('REACTOR_API_KEY with a line break (two keys pasted) is refused at start, naming the variable’s fault, not the key', async () => {
    const lines: string[] = [];
    const handler = tokenHandlerFromEnv(
      {
        REACTOR_API_KEY: `${KEY}\nrk_live_second_key_0000`,
        REACTOR_MODELS: 'reactor/helios',
        REACTOR_ALLOWED_ORIGINS: SITE,
      },
      { log: (line) => lines.push(line) },
    );
    const res = await handler(
      new Request(`${SITE}/api/reactor-token`, { headers: { Origin: SITE } }),
    );
    assert.equal(res.status, 500);
    assert.match(lines.join('\n'), /apiKey holds a space or a line break/);
    assert.doesNotMatch(lines.join('\n') + (await res.text()), /9f8e7d6c|second_key/);
  });
});
