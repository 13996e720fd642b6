import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { shippedBundle } from '../../scripts/shipped-bundle.js';

/**
 * The script-tag bundles' sizes, built exactly as `npm run build` builds them. The budget is
 * 40 KiB gzipped per bundle, everything in one file (raised from 32 KiB for today's protocol and
 * the visitor controls built on its contract). The ceiling is a ratchet at today's size
 * under it: lower it as bytes come out; raise it only in a commit that says what the bytes buy
 * (how each change moved it is in the git history of this line). A size is not a timing: it is
 * the same on every machine.
 */
const GZIP_CEILING = 40_900;
const GZIP_BUDGET = 40 * 1024;

/** A locale script: every message of the three families, and the registry (about 300 bytes). */
const LOCALE_GZIP_CEILING = 2_550;

for (const file of ['reactor-elements.js', 'reactor-elements.iife.js']) {
  test(`dist/${file} is at most ${GZIP_CEILING} bytes gzipped`, async () => {
    const code = await shippedBundle(file);
    const gzip = gzipSync(code, { level: 9 }).length;
    console.log(`[size] ${file}: ${code.length} bytes, ${gzip} gzipped`);
    assert.ok(GZIP_CEILING <= GZIP_BUDGET, 'the ceiling is within the budget');
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

/**
 * The owner's setup checklist, opt-in beside the bundles: its own classic script with its own
 * copy of lit, under the same budget as a bundle; the bundles carry none of its texts.
 */
test(`dist/reactor-elements.debug.js is a classic script apart from the bundles`, async () => {
  const code = await shippedBundle('reactor-elements.debug.js');
  const gzip = gzipSync(code, { level: 9 }).length;
  console.log(`[size] reactor-elements.debug.js: ${code.length} bytes, ${gzip} gzipped`);
  assert.ok(gzip <= GZIP_BUDGET, `${gzip} bytes gzipped is over the budget of ${GZIP_BUDGET}`);
  assert.doesNotMatch(code, /\bimport\b|\bexport\b/, 'no imports or exports: a classic script');
  assert.match(code, /Setup checklist/);
  // One global, named for what it is (the build once leaked a `var x` into the owner's page).
  assert.match(code, /^var ReactorElementsDebug\s*=/m);
  for (const bundle of ['reactor-elements.js', 'reactor-elements.iife.js'])
    assert.doesNotMatch(
      await shippedBundle(bundle),
      /Setup checklist \(/,
      `${bundle} carries no checklist`,
    );
});

// A page without `<meta charset="utf-8">` decodes a script served without a charset as
// windows-1252: a "·" in the texts then reads "Â·". The built files are ASCII only.
for (const file of [
  'reactor-elements.js',
  'reactor-elements.iife.js',
  'reactor-elements.de.js',
  'reactor-elements.debug.js',
]) {
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
