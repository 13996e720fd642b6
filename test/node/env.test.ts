import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { optionsFromEnv, tokenHandlerFromEnv } from '../../src/server/index.js';

const base = {
  REACTOR_API_KEY: 'rk_test',
  REACTOR_MODELS: 'reactor/helios, reactor/lingbot',
  REACTOR_ALLOWED_ORIGINS: 'https://www.example.com, https://*.example.com',
};

describe('the token route from environment variables', () => {
  it('reads lists and numbers', () => {
    const options = optionsFromEnv({ ...base, REACTOR_MAX_DURATION: '300', PATH: '/bin' });
    assert.deepEqual(options.models, ['reactor/helios', 'reactor/lingbot']);
    assert.deepEqual(options.allowedOrigins, ['https://www.example.com', 'https://*.example.com']);
    assert.equal(options.maxDuration, 300);
    assert.equal(options.maxSessions, undefined);
  });

  it('names every required variable that is missing, and a number that is not one', () => {
    assert.throws(
      () => optionsFromEnv({ REACTOR_MODELS: 'reactor/helios' }),
      /^Error: Set REACTOR_API_KEY \(apiKey \(required, a secret\)\) and REACTOR_ALLOWED_ORIGINS/,
    );
    assert.throws(
      () => optionsFromEnv({ ...base, REACTOR_MAX_SESSIONS: 'two' }),
      /REACTOR_MAX_SESSIONS must be a plain positive number \(at most 1000000000\), not "two"/,
    );
    // Plain decimals only: what Number() would also read is refused, and so is a runaway value.
    for (const value of ['0x10', '1e3', 'Infinity', '12 s', '-5', '0', '99999999999'])
      assert.throws(
        () => optionsFromEnv({ ...base, REACTOR_DAILY_CREDIT_CEILING: value }),
        /REACTOR_DAILY_CREDIT_CEILING must be a plain positive number/,
        value,
      );
    assert.equal(
      optionsFromEnv({ ...base, REACTOR_DAILY_CREDIT_CEILING: ' 2500.5 ' }).dailyCreditCeiling,
      2500.5,
    );
  });

  it('compares and sends REACTOR_MODELS in one case', async () => {
    let sent: unknown = null;
    const handler = tokenHandlerFromEnv(
      { ...base, REACTOR_MODELS: 'Reactor/Helios' },
      {
        fetch: async (_url, init) => {
          sent = JSON.parse(String(init?.body));
          return new Response(JSON.stringify({ jwt: 'a.b.c', expires_at: 1 }));
        },
      },
    );
    const origin = base.REACTOR_ALLOWED_ORIGINS.split(',')[0]!;
    const res = await handler(
      new Request(`${origin}/api/reactor-token?model=helios`, { headers: { Origin: origin } }),
    );
    assert.equal(res.status, 200);
    assert.deepEqual(
      (sent as { authorization_details: { resources: { models: { match: string[] } } }[] })
        .authorization_details[0]!.resources.models.match,
      ['reactor/helios'],
    );
    const preflight = await handler(
      new Request(`${origin}/api/reactor-token`, {
        method: 'OPTIONS',
        headers: { Origin: origin },
      }),
    );
    assert.equal(preflight.headers.get('access-control-allow-headers'), 'Content-Type');
  });

  it('a route that is not set up refuses every request with the reason, logged once', async () => {
    const lines: string[] = [];
    const handler = tokenHandlerFromEnv(
      { ...base, REACTOR_ALLOWED_ORIGINS: 'example.com' },
      { log: (line) => lines.push(line) },
    );
    const answer = await handler(
      new Request('https://route.test/', { headers: { Origin: 'https://www.example.com' } }),
    );
    assert.equal(answer.status, 500);
    const body = (await answer.json()) as { code: string; message: string };
    assert.equal(body.code, 'broker-not-set-up');
    assert.match(body.message, /allowedOrigins entry "example.com" is not an origin/);
    assert.equal(lines.length, 1);
    assert.doesNotMatch(JSON.stringify(body) + lines.join(''), /rk_test/);
  });
});
