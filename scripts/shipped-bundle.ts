/**
 * The script-tag bundles exactly as `npm run build` makes them (vite.config.ts), in memory: for
 * the tests, and for `npm start`, which serves the classic script to `demo/script-tag.html`.
 */
import { build, type Rollup } from 'vite';

let bundles: Promise<Map<string, string>> | null = null;

/**
 * `reactor-elements.js` (ES module), `reactor-elements.iife.js` (classic script) and each
 * locale script (`reactor-elements.de.js`), by name.
 */
export function shippedBundles(): Promise<Map<string, string>> {
  bundles ??= build({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    // lit's production build even when this runs inside a dev server (NODE_ENV=development).
    mode: 'production',
    resolve: { conditions: ['module', 'browser', 'production'] },
    build: { write: false },
  }).then((result) => {
    const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
    return new Map(
      outputs
        .flatMap((o) => o.output)
        .map((o) => [o.fileName, o.type === 'chunk' ? o.code : String(o.source)]),
    );
  });
  return bundles;
}

export async function shippedBundle(fileName = 'reactor-elements.js'): Promise<string> {
  const code = (await shippedBundles()).get(fileName);
  if (code === undefined) throw new Error(`vite build did not produce ${fileName}`);
  return code;
}
