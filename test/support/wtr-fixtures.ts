/**
 * A @web/test-runner plugin that serves the framework fixtures' production builds
 * (`scripts/fixtures.mjs` builds them) on the test server's own origin, so a test can load an app
 * in a frame and reach into it: `GET /__fixtures/<name>/<file>` → `test/fixtures/<name>/dist/<file>`.
 * A fixture that has not been built answers a page that says so (the test fails with that line).
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

interface ServeContext {
  path: string;
}

const root = new URL('../..', import.meta.url).pathname;
export const FIXTURE_PATH = /^\/__fixtures\/([a-z0-9]+)\/(.*)$/;

export function fixturesPlugin() {
  return {
    name: 'reactor-fixtures',
    serve(context: ServeContext) {
      const match = FIXTURE_PATH.exec(context.path);
      if (!match) return undefined;
      const [, name, rest] = match as unknown as [string, string, string];
      const dist = join(root, 'test/fixtures', name, 'dist');
      const file = normalize(join(dist, decodeURIComponent(rest) || 'index.html'));
      if (!file.startsWith(dist) || !existsSync(file)) {
        const body = existsSync(dist)
          ? `no ${rest} in the ${name} fixture's build`
          : `the ${name} fixture is not built: run \`npm run test:fixtures\` first`;
        return { body: `<title>not built</title><p id="not-built">${body}</p>`, type: 'html' };
      }
      return { body: readFileSync(file, 'utf8'), type: extname(file).slice(1) || 'txt' };
    },
  };
}
