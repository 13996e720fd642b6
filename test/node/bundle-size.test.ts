import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { shippedBundle } from '../../scripts/shipped-bundle.js';

/**
 * The script-tag bundles' sizes, built exactly as `npm run build` builds them. The ceiling is a
 * ratchet at today's size: lower it as bytes come out (the goal is 20,480); raise it only in a
 * commit that says what the bytes buy. (A size is not a timing: it is the same on every machine.)
 * History: 23,217 before the session split; 23,350 with the licence line; 23,950 with page-wide
 * API origins (+156) and the setup-mistake messages (+452); 24,150 with CSP detection (+187);
 * 23,404 with static properties for decorators (-650); 24,161 with the message tables and
 * the translation registry (+1,110, German apart) net of private-name shortening (-300) and
 * annotation stripping (-40); 24,300 with the Firefox tab-close fix (the unload DELETE built
 * ahead, a second pagehide listener) and drop detection on the data channel's close (+91);
 * 24,800 with sessions that keep their creation token, end before it expires and refuse one too
 * short, and a DELETE that tells a real 404 from a token that cannot see the session (+488);
 * 24,850 with the cancel line ("Cancelled: nothing was billed.", +40); 25,550 with one session per
 * visitor across tabs (the Web Locks lease and its BroadcastChannel stand-in, "Move it here",
 * about +580), the sleep-aware session clock (+80) and the tokenProvider timeout (+110); 26,150
 * with numeric attributes checked and said in the console (max-duration, idle-timeout,
 * idle-warning, max-cost, refresh: about +500); 26,700 with the faster connect (poll schedule,
 * ICE rule, ICE servers during the GPU wait, event-based readiness, phase marks, the token
 * fetched while the pointer is on Start: about +520); 26,800 with the peer connection made
 * during the GPU wait (its certificate and candidates off the critical path, +120); 27,050 with
 * nothing kept per connect (timeouts cleared instead of `AbortSignal.timeout`, ended sessions
 * settled to one record per element in the store, one phase mark per name, the 403 token
 * refresh: +220); 28,100 with the platform's own numbers (the dry run's estimate asked with the
 * prefetched token, its 402 shown before a click, the effective cost read after the DELETE, the
 * final receipt, `reactor-receipt`, the store and the balance settled on it: about +1,050);
 * 31,050 with driving the model (capabilities, commands checked against their schemas, file
 * uploads with progress and a fresh URL on expiry, keyboard control, the sound toggle, connection
 * statistics and the quality badge: about +2,900); 31,200 with the element's media and idle
 * dialog as controllers of their own (+155: their members are public, so not shortened; the
 * element went from 606 to 537 lines); 31,300 with "another player on this page" told apart from
 * "another tab" (+120); 31,400 with a session the platform ended for lack of credits said as such
 * (a dry run after the end, +80).
 */
const GZIP_CEILING = 31_400;

/** A locale script: every message of the three families, and the registry (about 300 bytes). */
const LOCALE_GZIP_CEILING = 2_150;

for (const file of ['reactor-elements.js', 'reactor-elements.iife.js']) {
  test(`dist/${file} is at most ${GZIP_CEILING} bytes gzipped`, async () => {
    const code = await shippedBundle(file);
    const gzip = gzipSync(code, { level: 9 }).length;
    console.log(`[size] ${file}: ${code.length} bytes, ${gzip} gzipped`);
    assert.ok(gzip <= GZIP_CEILING, `${gzip} bytes gzipped is over the ceiling of ${GZIP_CEILING}`);
    assert.match(
      code,
      /^\/\*! reactor-elements \d+\.\d+\.\d+ MIT\. Includes lit/,
      'one licence line',
    );
    assert.doesNotMatch(code, /@__PURE__|@license/, 'no other comments');
    assert.doesNotMatch(code, /\n\s{4,}</, 'template markup is minified');
  });
}

test(`dist/reactor-elements.de.js is a small classic script apart from the bundles`, async () => {
  const code = await shippedBundle('reactor-elements.de.js');
  const gzip = gzipSync(code, { level: 9 }).length;
  console.log(`[size] reactor-elements.de.js: ${code.length} bytes, ${gzip} gzipped`);
  assert.ok(gzip <= LOCALE_GZIP_CEILING, `${gzip} bytes gzipped is over ${LOCALE_GZIP_CEILING}`);
  assert.doesNotMatch(code, /\bimport\b|\bexport\b/, 'no imports or exports: a classic script');
  assert.match(code, /Sitzung starten/);
  for (const bundle of ['reactor-elements.js', 'reactor-elements.iife.js'])
    assert.doesNotMatch(await shippedBundle(bundle), /Sitzung/, `${bundle} carries no German`);
});

// A page without `<meta charset="utf-8">` decodes a script served without a charset as
// windows-1252: a "·" in the texts then reads "Â·". The built files are ASCII only.
for (const file of ['reactor-elements.js', 'reactor-elements.iife.js', 'reactor-elements.de.js']) {
  test(`dist/${file} is ASCII only`, async () => {
    const code = await shippedBundle(file);
    const found = /[\u0080-\uffff]/.exec(code);
    assert.equal(
      found,
      null,
      `a non-ASCII character at ${found?.index}: ${code.slice(found?.index ?? 0, (found?.index ?? 0) + 20)}`,
    );
  });
}
