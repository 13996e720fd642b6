/**
 * The WordPress plugin on a real WordPress (Debian's 6.1 files, PHP 8.2, MariaDB; see
 * wordpress/dev/), its token route pointed at the emulator in today's runtime's strict mode:
 * the token route's answers and limits (the emulator's count of minted tokens shows what reached
 * Reactor), what an Author's post becomes, a live session from a block, a shortcode, a cached
 * copy of the page and under a strict CSP in Chromium (the ledger says who ended it), the
 * settings page, and the zip that ships.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type * as puppeteer from 'puppeteer-core';
import type { Site } from '../../wordpress/dev/site.js';
import { zipPlugin } from '../../scripts/wordpress-plugin.mjs';
import { zipEntries } from '../../scripts/zip.mjs';
import {
  KEY,
  adminPage,
  asAuthor,
  authorPost,
  harness,
  ledger,
  liveAndEnd,
  minted,
  resetCounts,
  setSettings,
  startHarness,
  stopHarness,
  token,
} from './harness.js';

let site: Site;
before(async () => {
  await startHarness();
  site = harness.site;
});
after(stopHarness);

describe('the token route inside WordPress', () => {
  it('gives the site’s own pages a token for one model, under /wp-json/ and ?rest_route=', async () => {
    const before = await minted();
    const pretty = await token('/wp-json/reactor-elements/v1/token?model=helios', site.url);
    assert.equal(pretty.status, 200);
    assert.equal(pretty.headers.get('cache-control'), 'no-store');
    const body = (await pretty.json()) as { jwt: string; expires_at: number };
    assert.deepEqual(Object.keys(body).sort(), ['expires_at', 'jwt']);
    const claims = JSON.parse(Buffer.from(body.jwt.split('.')[1]!, 'base64url').toString());
    assert.deepEqual(claims.models, ['helios']);
    assert.equal(claims.max_sessions, 2);
    // A site without pretty permalinks; a same-origin GET sends a Referer, not an Origin.
    const plain = await fetch(`${site.url}/?rest_route=/reactor-elements/v1/token&model=lingbot`, {
      headers: { Referer: `${site.url}/some-page/` },
    });
    assert.equal(plain.status, 200);
    const lingbot = (await plain.json()) as { jwt: string };
    assert.deepEqual(
      JSON.parse(Buffer.from(lingbot.jwt.split('.')[1]!, 'base64url').toString()).models,
      ['lingbot'],
    );
    // A POST with the model in its body, as the elements' `token-method="POST"` sends it.
    const posted = await token('/wp-json/reactor-elements/v1/token', site.url, {
      method: 'POST',
      body: JSON.stringify({ model: 'reactor/Helios' }),
      headers: { 'Content-Type': 'application/json' },
    });
    assert.equal(posted.status, 200);
    assert.equal(await minted(), before + 3);
  });

  it('refuses a foreign or missing origin and an unknown model with 403 and 400, without asking Reactor', async () => {
    const before = await minted();
    for (const origin of ['http://evil.example', `${site.url}.evil.example`, null]) {
      const refused = await token('/wp-json/reactor-elements/v1/token?model=helios', origin);
      assert.equal(refused.status, 403, `origin ${origin}`);
      assert.deepEqual(await refused.json(), {
        error: 'This origin may not request tokens.',
        code: 'origin-not-allowed',
        message: 'This origin may not request tokens.',
      });
    }
    const unknown = await token('/wp-json/reactor-elements/v1/token?model=nope', site.url);
    assert.equal(unknown.status, 400);
    assert.equal(((await unknown.json()) as { code: string }).code, 'unknown-model');
    assert.equal(await minted(), before);
  });

  it('answers 429 at the per-visitor limit without calling Reactor, and 429 past the daily ceiling', async () => {
    resetCounts();
    setSettings({ per_visitor: 3 });
    try {
      const before = await minted();
      const statuses = [];
      for (let i = 0; i < 5; i++)
        statuses.push(
          (await token('/wp-json/reactor-elements/v1/token?model=helios', site.url)).status,
        );
      // Counted per fixed minute: the limit may reset between two requests at a minute's edge.
      assert.ok(
        statuses.filter((s) => s === 429).length >= 1 &&
          statuses.slice(0, 3).every((s) => s === 200),
        statuses.join(' '),
      );
      assert.equal(await minted(), before + statuses.filter((s) => s === 200).length);
      const limited = await token('/wp-json/reactor-elements/v1/token?model=helios', site.url);
      if (limited.status === 429) {
        assert.ok(Number(limited.headers.get('retry-after')) >= 1);
        assert.equal(((await limited.json()) as { code: string }).code, 'rate-limited');
      }
    } finally {
      setSettings({ per_visitor: 10 });
      resetCounts();
    }
    // Each token reserves 2 sessions × 300 s × helios's 17 credits/s = 10,200 credits.
    setSettings({ daily_ceiling: 15_000 });
    try {
      const before = await minted();
      assert.equal(
        (await token('/wp-json/reactor-elements/v1/token?model=helios', site.url)).status,
        200,
      );
      const over = await token('/wp-json/reactor-elements/v1/token?model=helios', site.url);
      assert.equal(over.status, 429);
      assert.equal(((await over.json()) as { code: string }).code, 'daily-ceiling');
      assert.equal(await minted(), before + 1);
    } finally {
      setSettings({ daily_ceiling: 0 });
      resetCounts();
    }
  });

  it('holds its limits against a burst: 12 requests at once get exactly the tokens left', async () => {
    /** 12 token requests at once (PHP's server answers four at a time): their statuses. */
    const burst = async () => {
      // Not across a minute's edge, where a new window would rightly give more.
      while (new Date().getSeconds() > 50) await new Promise((r) => setTimeout(r, 500));
      return Promise.all(
        Array.from({ length: 12 }, () =>
          token('/wp-json/reactor-elements/v1/token?model=helios', site.url).then((r) => r.status),
        ),
      );
    };
    resetCounts();
    setSettings({ per_visitor: 3 });
    try {
      const before = await minted();
      const statuses = await burst();
      assert.equal(statuses.filter((s) => s === 200).length, 3, statuses.join(' '));
      assert.equal(statuses.filter((s) => s === 429).length, 9);
      assert.equal(await minted(), before + 3);
    } finally {
      setSettings({ per_visitor: 10 });
      resetCounts();
    }
    // Room for two tokens of 10,200 credits today; the visitor limit out of the way.
    setSettings({ daily_ceiling: 25_000, per_visitor: 100 });
    try {
      const before = await minted();
      const statuses = await burst();
      assert.equal(statuses.filter((s) => s === 200).length, 2, statuses.join(' '));
      assert.equal(await minted(), before + 2);
      assert.equal(
        Number(site.eval(`echo Reactor_Elements_Limits::spend(gmdate('Y-m-d'));`)),
        20_400,
      );
      // The refused ones gave their minute's slots back: ten requests counted, not twelve.
      const counted = site.eval(
        `global $wpdb; echo $wpdb->get_var("SELECT option_value FROM {$wpdb->options} WHERE option_name LIKE 'reactor\\\\_elements\\\\_rl\\\\_%\\\\_s'");`,
      );
      assert.equal(Number(counted), 2);
    } finally {
      setSettings({ daily_ceiling: 0, per_visitor: 10 });
      resetCounts();
    }
  });

  it('never shows the key: not in a page, a REST answer, the settings page or the log', async () => {
    const settings = await adminPage('/wp-admin/options-general.php?page=reactor-elements');
    const pages = [
      await (await fetch(site.samplePage)).text(),
      await (await fetch(`${site.url}/wp-json/`)).text(),
      await (await fetch(`${site.url}/wp-json/reactor-elements/v1`)).text(),
      await (await token('/wp-json/reactor-elements/v1/token?model=helios', site.url)).text(),
      await (
        await token('/wp-json/reactor-elements/v1/token?model=helios', 'http://evil.example')
      ).text(),
      JSON.stringify(await asAuthor('/wp/v2/users/me?context=edit')),
      settings.html,
      site.eval(`echo file_get_contents(WP_DEBUG_LOG);`),
    ];
    for (const text of pages) assert.ok(!text.includes(KEY), text.slice(0, 200));
    assert.match(settings.html, /rk_…_key/);
    // Stored encrypted: the database holds no readable key either.
    assert.ok(!site.eval(`echo get_option('reactor_elements_api_key');`).includes(KEY));
    resetCounts();
  });
});

describe('an Author’s posts', () => {
  it('the block and the shortcode render the elements; the Author’s raw tags are stripped as before', async () => {
    const block = await authorPost(
      'With the block',
      '<!-- wp:reactor-elements/session {"model":"helios","maxDuration":120,"idleTimeout":30,"maxCost":500,"lang":"de","accent":"#aa3300"} /-->',
    );
    const shortcode = await authorPost(
      'With the shortcode',
      '[reactor_pricing model="lingbot"]\n\n[reactor_session model="lingbot" max-duration="90" controls="false"]',
    );
    const raw = await authorPost(
      'Pasted markup',
      '<reactor-session model="helios" token-url="/x">Loading</reactor-session><script src="https://example.com/r.js"></script>',
    );
    assert.match(block.raw, /wp:reactor-elements\/session/);
    assert.ok(!/<reactor-session|<script/.test(raw.raw), raw.raw);

    const blockHtml = await (await fetch(block.link)).text();
    assert.match(
      blockHtml,
      /<reactor-session model="helios" token-url="\/wp-json\/reactor-elements\/v1\/token\?model=helios" max-duration="120" idle-timeout="30" max-cost="500" controls lang="de" style="--reactor-accent: #aa3300" api-url="http:\/\/127\.0\.0\.1:\d+">/,
    );
    assert.match(
      blockHtml,
      /<script defer nowprocket data-no-optimize="1" data-no-defer="1" data-cfasync="false" src='[^']+\/reactor-elements\/assets\/reactor-elements\.iife\.js\?ver=/,
    );
    assert.match(blockHtml, /reactor-elements\.de\.js/);
    const shortcodeHtml = await (await fetch(shortcode.link)).text();
    assert.match(shortcodeHtml, /<reactor-pricing model="lingbot"/);
    assert.match(
      shortcodeHtml,
      /<reactor-session model="lingbot" token-url="[^"]+model=lingbot" max-duration="90" idle-timeout="60" api-url=/,
    );
    assert.ok(!/reactor-elements\.de\.js/.test(shortcodeHtml));
    const rawHtml = await (await fetch(raw.link)).text();
    assert.ok(
      !/<reactor-session|reactor-elements\.iife\.js/.test(rawHtml),
      'a page without the blocks loads no script',
    );

    const liveBlock = await liveAndEnd(block.link);
    assert.equal(liveBlock.entry.ended_by, 'client');
    const liveShortcode = await liveAndEnd(shortcode.link);
    assert.equal(liveShortcode.entry.ended_by, 'client');
  });

  it('in the block editor, the Author sees a still preview and the sidebar; no session starts', async () => {
    const id = (await asAuthor<{ id: number }[]>('/wp/v2/posts?slug=try-it-live'))[0]!.id;
    const before = (await ledger()).length;
    const seen = await adminPage(
      `/wp-admin/post.php?post=${id}&action=edit`,
      async (page) => {
        const block = '.wp-block[data-type="reactor-elements/session"]';
        await page.waitForSelector(block, { timeout: 20_000 });
        await page.click(block);
        await page.waitForFunction(
          () =>
            Array.from(document.querySelectorAll('label')).some(
              (l) => l.textContent === 'Idle timeout (seconds, 0: off)',
            ),
          { timeout: 10_000 },
        );
        await new Promise((r) => setTimeout(r, 1000));
        const inEditor = await page.evaluate(() => ({
          elements: document.querySelectorAll('reactor-session, reactor-pricing').length,
          scripts: Array.from(document.scripts).filter((s) =>
            s.src.includes('reactor-elements.iife.js'),
          ).length,
          labels: Array.from(document.querySelectorAll('.block-editor-block-inspector label')).map(
            (l) => l.textContent,
          ),
        }));
        assert.deepEqual(inEditor.elements, 0, 'no element (no session) in the editor');
        assert.equal(inEditor.scripts, 0, 'the player’s script is not loaded in the editor');
        for (const label of [
          'Model',
          'Longest session (seconds)',
          'Idle timeout (seconds, 0: off)',
          'Budget per session (credits, 0: none)',
          'Controls for visitors',
          'Language',
          'Accent colour',
        ])
          assert.ok(inEditor.labels.includes(label), `${label} in ${inEditor.labels.join(', ')}`);
      },
      site.author,
    );
    assert.match(seen.text, /helios · live session/);
    assert.match(seen.text, /Preview: the session starts on the published page/);
    assert.equal((await ledger()).length, before);
  });

  it('a shortcode with bad values renders the defaults and says why (a comment for visitors)', async () => {
    const post = await authorPost(
      'Bad values',
      '[reactor_session model="<b>x" max-duration="forever" idle-timeout="-5" accent="red" lang="xx"]',
    );
    const html = await (await fetch(post.link)).text();
    assert.match(
      html,
      /<reactor-session model="helios" token-url="[^"]+" max-duration="300" idle-timeout="60" controls api-url=/,
    );
    assert.ok(
      html.includes(
        '<!-- <reactor-session>: model "<b>x" is not a model name: helios used. max-duration "forever" is not a number of at least 1: 300 used. idle-timeout "-5" is not a number of at least 0: 60 used. lang "xx" is not one of en, de: English used. accent "red" is not a colour like #3b5bdb: the default used. -->',
      ),
      html.match(/<!-- <reactor-session>.*?-->/)?.[0] ?? 'no comment',
    );
  });
});

describe('the sample page', () => {
  it('goes live and ends by the client, as served and from a cached copy of its HTML (no nonce in it)', async () => {
    const live = await liveAndEnd(site.samplePage);
    assert.equal(live.entry.ended_by, 'client');
    const html = await (await fetch(site.samplePage)).text();
    assert.ok(!/nonce/i.test(html), 'the page carries no nonce a cache could freeze');
    // A full-page cache serves the stored HTML without running WordPress.
    mkdirSync(join(site.docroot, 'cached'), { recursive: true });
    writeFileSync(join(site.docroot, 'cached/try-it-live.html'), html);
    try {
      const cached = await liveAndEnd(`${site.url}/cached/try-it-live.html`);
      assert.equal(cached.entry.ended_by, 'client');
    } finally {
      rmSync(join(site.docroot, 'cached'), { recursive: true, force: true });
    }
  });

  it('works under a strict Content-Security-Policy (scripts from the site only, none inline)', async () => {
    const response = await fetch(`${site.samplePage}?strict-csp`);
    assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const live = await liveAndEnd(`${site.samplePage}?strict-csp`);
    assert.equal(live.entry.ended_by, 'client');
    assert.ok(
      !live.said.some(
        (line) => /reactor-elements/.test(line) && /Content Security Policy/i.test(line),
      ),
      live.said.join('\n'),
    );
  });
});

describe('the balance and the key', () => {
  it('shows the balance only when the owner turns it on, from the site’s own route', async () => {
    const post = await authorPost('Balance', '[reactor_balance low-threshold="5000"]');
    setSettings({ balance_enabled: false });
    try {
      const off = await fetch(`${site.url}/wp-json/reactor-elements/v1/balance`, {
        headers: { Origin: site.url },
      });
      assert.equal(off.status, 404);
      assert.equal(((await off.json()) as { code: string }).code, 'balance-off');
      const hidden = await (await fetch(post.link)).text();
      assert.ok(!hidden.includes('<reactor-balance'));
      assert.match(hidden, /<!-- Reactor balance: off\. Turn it on under Settings → Reactor/);
    } finally {
      setSettings({ balance_enabled: true });
    }
    const on = await fetch(`${site.url}/wp-json/reactor-elements/v1/balance`, {
      headers: { Origin: site.url },
    });
    assert.equal(on.status, 200);
    assert.equal(typeof ((await on.json()) as { credits: number }).credits, 'number');
    const foreign = await fetch(`${site.url}/wp-json/reactor-elements/v1/balance`, {
      headers: { Origin: 'http://evil.example' },
    });
    assert.equal(foreign.status, 403);
    const shown = await (await fetch(post.link)).text();
    assert.match(
      shown,
      /<reactor-balance src="\/wp-json\/reactor-elements\/v1\/balance" low-threshold="5000" api-url=/,
    );
  });

  it('takes the key from a wp-config.php constant first, then the environment, then the settings page', () => {
    const read = (setup: string) =>
      site.eval(
        `${setup} echo Reactor_Elements_Api_Key::source() . ' ' . Reactor_Elements_Api_Key::masked();`,
      );
    assert.equal(read(''), 'settings rk_…_key');
    assert.equal(
      read(`putenv('REACTOR_API_KEY=rk_from_environment_0001');`),
      'environment rk_…0001',
    );
    assert.equal(
      read(
        `putenv('REACTOR_API_KEY=rk_from_environment_0001'); define('REACTOR_API_KEY', 'rk_from_config_0002');`,
      ),
      'constant rk_…0002',
    );
  });

  it('writes the token URL as a site without pretty permalinks needs it', async () => {
    site.eval(`global $wp_rewrite; $wp_rewrite->set_permalink_structure('');`);
    try {
      const post = await authorPost('Plain links', '[reactor_session model="helios"]');
      const html = await (await fetch(post.link)).text();
      assert.match(
        html,
        /<reactor-session model="helios" token-url="\/index\.php\?rest_route=%2Freactor-elements%2Fv1%2Ftoken&amp;model=helios"/,
      );
      const live = await liveAndEnd(post.link);
      assert.equal(live.entry.ended_by, 'client');
    } finally {
      site.eval(`global $wp_rewrite; $wp_rewrite->set_permalink_structure('/%postname%/');`);
    }
  });
});

describe('the settings page', () => {
  it('saves what the owner types: a bad origin and a bad number are said once and left out', async () => {
    const before = site.eval(`echo wp_json_encode(Reactor_Elements_Settings::all());`);
    try {
      const saved = await adminPage(
        '/wp-admin/options-general.php?page=reactor-elements',
        async (page) => {
          // Values set by id, one by one (a helper function here would be renamed by the test's
          // compiler into a name the page does not have).
          for (const [id, value] of [
            ['reactor-origins', 'https://shop.example.com/\nnot an origin'],
            ['reactor-models', 'Reactor/Helios, lingbot'],
            ['reactor-per-visitor', '0'],
          ])
            await page.$eval(
              `#${id}`,
              (field, v) => ((field as HTMLInputElement).value = v),
              value,
            );
          await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#submit')]);
        },
      );
      const said = (text: string) => saved.text.split(text).length - 1;
      assert.equal(said('Origins: "not an origin" is not an origin'), 1, saved.text);
      assert.equal(said('Tokens per visitor a minute: "0" is not a whole number of at least 1'), 1);
      const settings = JSON.parse(
        site.eval(`echo wp_json_encode(Reactor_Elements_Settings::all());`),
      );
      assert.equal(settings.origins, 'https://shop.example.com');
      assert.equal(settings.models, 'helios, lingbot');
      assert.equal(settings.per_visitor, 10);
      const shop = await token(
        '/wp-json/reactor-elements/v1/token?model=lingbot',
        'https://shop.example.com',
      );
      assert.equal(shop.status, 200);
    } finally {
      site.eval(
        `update_option('reactor_elements_settings', json_decode(${JSON.stringify(before).replace(/\$/g, '\\$')}, true));`,
      );
      resetCounts();
    }
  });

  it('tests the key, and explains a REST API closed to visitors', async () => {
    const tested = await adminPage(
      '/wp-admin/options-general.php?page=reactor-elements',
      async (page) => {
        await Promise.all([
          page.waitForNavigation({ waitUntil: 'load' }),
          page.click('form[action*="admin-post.php"] [type="submit"]'),
        ]);
      },
    );
    assert.match(tested.text, /The key works: http:\/\/127\.0\.0\.1:\d+ gave a token\./);
    assert.match(tested.text, /REST API open to visitors/);

    writeFileSync(join(site.docroot, 'close-rest.flag'), '');
    try {
      const refused = await token('/wp-json/reactor-elements/v1/token?model=helios', site.url);
      assert.equal(refused.status, 401);
      const closed = await adminPage('/wp-admin/options-general.php?page=reactor-elements');
      assert.match(
        closed.text,
        /The REST API refuses visitors who are not logged in \(rest_login_required\)/,
      );
    } finally {
      rmSync(join(site.docroot, 'close-rest.flag'), { force: true });
    }
    // A wrong key: the test says so, without the key.
    site.eval(`Reactor_Elements_Api_Key::store('rk_wrong_key_123456');`);
    try {
      const wrong = await adminPage(
        '/wp-admin/options-general.php?page=reactor-elements',
        async (page) => {
          await Promise.all([
            page.waitForNavigation({ waitUntil: 'load' }),
            page.click('form[action*="admin-post.php"] [type="submit"]'),
          ]);
        },
      );
      assert.match(
        wrong.text,
        /POST http:\/\/127\.0\.0\.1:\d+\/tokens answered 401 \(check the API key\)/,
      );
      assert.ok(!wrong.html.includes('rk_wrong_key_123456'));
    } finally {
      site.eval(`Reactor_Elements_Api_Key::store(${JSON.stringify(KEY)});`);
    }
  });
});

describe('the plugin’s zip', () => {
  it('holds the plugin with its script inside, no CDN address and no file the directory refuses', () => {
    const { out, version } = zipPlugin();
    const entries = zipEntries(out).map((e) => e.name);
    for (const needed of [
      'reactor-elements/reactor-elements.php',
      'reactor-elements/readme.txt',
      'reactor-elements/assets/reactor-elements.iife.js',
      'reactor-elements/assets/reactor-elements.de.js',
      'reactor-elements/blocks/session/block.json',
      'reactor-elements/uninstall.php',
    ])
      assert.ok(entries.includes(needed), `${needed} in ${entries.join(', ')}`);
    for (const name of entries) {
      assert.ok(!/(^|\/)\./.test(name), `no hidden file: ${name}`);
      assert.match(name, /\.(php|js|json|css|txt)$/, `a file type the directory takes: ${name}`);
    }
    // Every file's text, as the zip has it (the staged folder is what was zipped).
    const staged = '.cache/wordpress/plugin/reactor-elements';
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) =>
        statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)],
      );
    const cdn =
      /cdn\.jsdelivr\.net|unpkg\.com|cdnjs\.cloudflare\.com|raw\.githubusercontent\.com|ajax\.googleapis\.com|code\.jquery\.com/;
    for (const file of files(staged)) {
      assert.ok(
        !cdn.test(readFileSync(file, 'utf8')),
        `a CDN address in ${relative(staged, file)}`,
      );
    }
    const main = readFileSync(join(staged, 'reactor-elements.php'), 'utf8');
    assert.match(main, new RegExp(`\\* Version:\\s+${version.replace(/\./g, '\\.')}\\n`));
    assert.match(main, /License:\s+GPL-2\.0-or-later/);
    const readme = readFileSync(join(staged, 'readme.txt'), 'utf8');
    assert.match(readme, new RegExp(`Stable tag: ${version.replace(/\./g, '\\.')}\\n`));
    assert.match(
      readme,
      /== External services ==[\s\S]*terms of service https:\/\/\S+[\s\S]*privacy policy https:\/\/\S+/,
    );
  });
  it('installs from its zip by Plugins → Add New → Upload; deleted, it leaves no setting and no key', async () => {
    const { out } = zipPlugin();
    let text = '';
    await adminPage('/wp-admin/plugins.php', async (page) => {
      page.on('dialog', (dialog) => void dialog.accept());
      const row = 'tr[data-slug="reactor-elements"]';
      await Promise.all([
        page.waitForNavigation({ waitUntil: 'load' }),
        page.click(`${row} .deactivate a`),
      ]);
      await page.click(`${row} .delete a`);
      await page.waitForFunction(
        () => /was successfully deleted/.test(document.body.textContent ?? ''),
        {
          timeout: 20_000,
        },
      );
      const left = JSON.parse(
        site.eval(
          `echo wp_json_encode(array(get_option('reactor_elements_settings', null), get_option('reactor_elements_api_key', null)));`,
        ),
      );
      assert.deepEqual(left, [null, null], 'uninstall.php removed the settings and the key');
      await page.goto(`${site.url}/wp-admin/plugin-install.php?tab=upload`, { waitUntil: 'load' });
      await (
        (await page.$('input#pluginzip')) as puppeteer.ElementHandle<HTMLInputElement>
      ).uploadFile(out);
      await Promise.all([
        page.waitForNavigation({ waitUntil: 'load', timeout: 60_000 }),
        page.click('#install-plugin-submit'),
      ]);
      text = await page.evaluate(() => document.querySelector('.wrap')!.textContent ?? '');
      await Promise.all([
        page.waitForNavigation({ waitUntil: 'load' }),
        page.click('a.button-primary[href*="action=activate"]'),
      ]);
      assert.match(
        (await page.$eval(row, (tr) => tr.className)) ?? '',
        /\bactive\b/,
        'active after the upload',
      );
    });
    assert.match(text, /Plugin installed successfully\./);
    // Installed afresh: no key yet, and the route says so without a call to Reactor.
    const before = await minted();
    const answer = await token('/wp-json/reactor-elements/v1/token?model=helios', site.url);
    assert.equal(answer.status, 503);
    assert.equal(await minted(), before);
  });
});
