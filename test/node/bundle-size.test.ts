import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { shippedBundle } from '../support/shipped-bundle.js';

/**
 * The script-tag bundle's size, built exactly as `npm run build` builds it. The ceiling is the
 * size before `<reactor-session>` was split into its element and its session unit: new modules
 * must pay for themselves. (A size is not a timing: it is the same on every machine.)
 */
const GZIP_CEILING = 23_217;

test(`dist/reactor-elements.js is at most ${GZIP_CEILING} bytes gzipped`, async () => {
  const code = await shippedBundle();
  const gzip = gzipSync(code, { level: 9 }).length;
  console.log(`[size] reactor-elements.js: ${code.length} bytes, ${gzip} gzipped`);
  assert.ok(gzip <= GZIP_CEILING, `${gzip} bytes gzipped is over the ceiling of ${GZIP_CEILING}`);
  assert.doesNotMatch(code, /@__PURE__/, 'annotation comments are stripped');
  assert.doesNotMatch(code, /\n\s{4,}</, 'template markup is minified');
});
