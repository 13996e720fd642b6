import { expect } from '@open-wc/testing';
import { rejection } from '../helpers/assertions.js';
import {
  errorFromResponse,
  parseRetryAfter,
  DEFAULT_RETRY_AFTER,
} from '../../src/platform/errors.js';
import { requestJson, API_HEADERS } from '../../src/platform/http.js';
import { mixedContent } from '../../src/platform/blocked.js';
import { executeServerCommand } from '@web/test-runner-commands';
import { configureEmulator, emulatorUrl, fetchToken, resetEmulator } from '../helpers/emulator.js';

const sessionBody = { model: { name: 'helios' } };

describe('platform/errors', () => {
  it('maps statuses to codes and reads Retry-After from the header, the body or the default', () => {
    const h = (init: Record<string, string> = {}) => new Headers(init);
    expect(errorFromResponse(401, h(), null).code).to.equal('unauthorized');
    expect(errorFromResponse(402, h(), null).code).to.equal('payment-required');
    expect(errorFromResponse(426, h(), null).code).to.equal('client-outdated');
    expect(errorFromResponse(503, h(), null).code).to.equal('server-error');
    const concurrency = errorFromResponse(429, h({ 'Retry-After': '7' }), {
      code: 'concurrency-limit',
    });
    expect([concurrency.code, concurrency.retryAfter]).to.deep.equal(['concurrency-limit', 7]);
    expect(errorFromResponse(429, h(), { retry_after: 12 }).retryAfter).to.equal(12);
    const plain = errorFromResponse(429, h(), '<html>busy</html>');
    expect([plain.code, plain.retryAfter, plain.message]).to.deep.equal([
      'rate-limited',
      DEFAULT_RETRY_AFTER,
      'HTTP 429',
    ]);
    expect(errorFromResponse(500, h(), null).retryAfter).to.equal(null);
  });

  it('reads an HTTP-date Retry-After and ignores nonsense', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:09 GMT', null, now)).to.equal(9);
    expect(parseRetryAfter('soon', null, now)).to.equal(null);
    expect(parseRetryAfter('-4', { retry_after: NaN }, now)).to.equal(null);
  });
});

describe('platform/http against the emulator', () => {
  let url: string;
  before(async () => (url = await emulatorUrl()));
  beforeEach(() => resetEmulator());

  it('parses JSON answers and keeps 2xx statuses apart', async () => {
    const jwt = await fetchToken();
    const created = await requestJson<{ session_id: string }>(`${url}/sessions`, {
      method: 'POST',
      headers: { ...API_HEADERS, Authorization: `Bearer ${jwt}` },
      body: sessionBody,
    });
    expect(created.status).to.equal(201);
    expect(created.data!.session_id).to.be.a('string');
  });

  it('turns 401, 402, 426, 429 and 500 into typed errors', async () => {
    const jwt = await fetchToken();
    const create = (headers: Record<string, string> = {}) =>
      requestJson(`${url}/sessions`, {
        method: 'POST',
        headers: { ...API_HEADERS, Authorization: `Bearer ${jwt}`, ...headers },
        body: sessionBody,
      });
    const unauthorized = await rejection(create({ Authorization: 'Bearer nope' }));
    expect([unauthorized.code, unauthorized.status]).to.deep.equal(['unauthorized', 401]);
    const outdated = await rejection(create({ 'Reactor-API-Version': '0' }));
    expect(outdated.code).to.equal('client-outdated');
    await configureEmulator({
      faults: [
        { status: 402, route: 'POST /sessions' },
        { status: 429, route: 'POST /sessions', retryAfter: 4 },
        { status: 500, route: 'POST /sessions' },
      ],
    });
    expect((await rejection(create())).code).to.equal('payment-required');
    const limited = await rejection(create());
    expect([limited.code, limited.status, limited.retryAfter]).to.deep.equal([
      'concurrency-limit',
      429,
      4,
    ]);
    const broken = await rejection(create());
    expect([broken.code, broken.status]).to.deep.equal(['server-error', 500]);
  });

  it('reports HTML and empty bodies without a raw SyntaxError', async () => {
    await configureEmulator({ pricingBody: '<!doctype html><p>maintenance</p>' });
    const html = await rejection(requestJson(`${url}/pricing`));
    expect([html.code, html.status]).to.deep.equal(['bad-response', 200]);
    await configureEmulator({ pricingBody: '' });
    expect((await requestJson(`${url}/pricing`)).data).to.equal(null);
  });

  it('times out slow answers, honours the caller abort, and names network failures', async () => {
    await configureEmulator({ latencyMs: 800 });
    const slow = await rejection(requestJson(`${url}/pricing`, { timeoutMs: 150 }));
    expect(slow.code).to.equal('timeout');
    const controller = new AbortController();
    const pending = requestJson(`${url}/pricing`, { signal: controller.signal });
    controller.abort();
    expect((await rejection(pending)).code).to.equal('aborted');
    const offline = await rejection(requestJson('http://127.0.0.1:9/pricing', { timeoutMs: 3000 }));
    expect([offline.code, offline.status]).to.deep.equal(['network', null]);
  });

  it('tells mixed content (an http API from an https page) from a network failure', async () => {
    // The suite's pages are http: the rule is checked with the page's URL given. On an https
    // page, requestJson throws this line as a setup error (the visitor reads the calm line).
    const page = 'https://shop.example/landing';
    const said = mixedContent('http://api.example/pricing', page);
    expect(said).to.equal(
      'http://api.example is http, and browsers block it from an https page (mixed content): use https.',
    );
    expect(mixedContent('https://api.example/pricing', page)).to.equal(null);
    for (const loopback of ['http://localhost:8080/', 'http://127.0.0.1/x', 'http://[::1]:3/'])
      expect(mixedContent(loopback, page), loopback).to.equal(null); // browsers allow these
    expect(mixedContent('http://api.example/pricing', 'http://shop.example/')).to.equal(null);
    expect(mixedContent('http://localhost.evil.example/', page)).to.be.a('string');
    await executeServerCommand('reactor-bad-input-row', {
      input: 'an http api-url on an https page (mixed content; the rule, given the page URL)',
      visitor: 'the calm setup line',
      console: `[reactor-elements] <reactor-session>: ${said}`,
    });
  });
});
