import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import { defaultMinifyOptions } from '@lit-labs/rollup-plugin-minify-html-literals/lib/strategy.js';
import { build, defineConfig, type Rollup } from 'vite';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reactorEmulator } from './demo/emulator/vite-plugin.js';
import { internalNames } from './scripts/internal-names.js';

const { version } = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
) as {
  version: string;
};
/** One line for the licences of what the bundles contain (the full texts are in the package). */
const LICENCE_NOTICE = `/*! reactor-elements ${version} MIT. Includes lit and @lit/context, BSD-3-Clause, Google LLC. */`;

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

/** The languages shipped as opt-in scripts beside the bundles (`src/locales/<code>.ts`). */
const LOCALES = ['de'];

/**
 * The opt-in scripts beside the bundles, each its own classic script: every locale
 * (`reactor-elements.<code>.js`) and the owner's setup checklist (`reactor-elements.debug.js`,
 * with its own copy of lit). No imports or exports, so each works as `<script src>` and as
 * `<script type="module">`; a locale before or after the bundle, the checklist after it. Built
 * once, beside the classic bundle.
 */
const OPT_IN_SCRIPTS: [fileName: string, entry: string, global: string][] = [
  // A locale exports nothing: it sets no global at all.
  ...LOCALES.map((code): [string, string, string] => [
    `reactor-elements.${code}.js`,
    `locales/${code}.ts`,
    'ReactorElementsLocale',
  ]),
  // The checklist's exports (`runChecks`, `ReactorDebug`) as `window.ReactorElementsDebug`.
  ['reactor-elements.debug.js', 'debug/index.ts', 'ReactorElementsDebug'],
];

const optInScripts = {
  name: 'reactor-opt-in-scripts',
  apply: 'build' as const,
  async generateBundle(this: Rollup.PluginContext, options: Rollup.NormalizedOutputOptions) {
    if (options.format !== 'iife') return;
    for (const [fileName, entry, global] of OPT_IN_SCRIPTS) {
      const result = (await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          write: false,
          lib: {
            entry: src(entry),
            formats: ['iife'],
            name: global,
            fileName: () => fileName,
          },
          rolldownOptions: {
            output: {
              minify: true,
              comments: { annotation: false, legal: false },
              postBanner: LICENCE_NOTICE,
            },
          },
        },
      })) as Rollup.RollupOutput[];
      const chunk = result[0]!.output[0];
      // ASCII only, as the bundles (see `ascii_only` below); the texts are plain string and
      // template literals, where a \u escape means the same character.
      const ascii = chunk.code.replace(
        /[\u0080-\uffff]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      this.emitFile({ type: 'asset', fileName, source: ascii });
    }
  },
};

export default defineConfig(({ command }) => ({
  // `npm start` serves the no-code demo page; it loads the library the way a site does, with one
  // script tag pointing at /reactor-elements.js (here: the sources, through Vite).
  root: 'demo',
  plugins: [
    reactorEmulator(),
    optInScripts,
    {
      // Pure annotations only matter to a bundler, and the bundles are the end of the line (the ES
      // build keeps them otherwise).
      name: 'reactor-drop-annotations',
      apply: 'build',
      generateBundle(_, bundle) {
        for (const chunk of Object.values(bundle))
          if (chunk.type === 'chunk') chunk.code = chunk.code.replaceAll('/* @__PURE__ */', '');
      },
    },
    {
      // `demo/script-tag.html` loads the classic script, as a page builder would (and
      // `demo/script-tag.de.html` the German script beside it): built on first request, exactly
      // as `npm run build` builds them.
      name: 'reactor-classic-script',
      apply: 'serve',
      configureServer(server) {
        server.middlewares.use((req, res, next) => {
          const file = /^\/(reactor-elements\.(?:iife|de|debug)\.js)$/.exec(req.url ?? '')?.[1];
          if (!file) return next();
          void import('./scripts/shipped-bundle.js')
            .then(({ shippedBundle }) => shippedBundle(file))
            .then((code) => {
              res.setHeader('Content-Type', 'text/javascript');
              res.end(code);
            }, next);
        });
      },
    },
    // The markup and styles inside html`` and css`` templates, minified in the build only.
    {
      ...minifyHTML({
        include: ['src/**/*.ts'],
        failOnError: true,
        options: { minifyOptions: { ...defaultMinifyOptions, removeAttributeQuotes: true } },
      }),
      apply: 'build',
    },
  ],
  resolve: {
    alias: [{ find: /^\/reactor-elements\.js$/, replacement: src('index.ts') }],
    // lit's production build in the demo too, as a site gets it (its development build warns
    // "Lit is in dev mode" on every page load).
    conditions: ['module', 'browser', 'production'],
  },
  server: { host: '127.0.0.1', port: 5173, fs: { allow: ['..'] } },
  preview: { host: '127.0.0.1' },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    // The script-tag bundles: an ES module and a classic script (`window.ReactorElements`), each
    // self-contained (lit and @lit/context inside). The npm build is tsc's (`npm run build`).
    lib: {
      entry: src('index.ts'),
      formats: ['es', 'iife'],
      name: 'ReactorElements',
      fileName: (format) => (format === 'es' ? 'reactor-elements.js' : 'reactor-elements.iife.js'),
    },
    // terser, for one thing the built-in minifier cannot do: shorten the names of the library's
    // internal members (listed from the source by scripts/internal-names.ts, which takes a few
    // seconds: only when building; the platform's and lit's names are never touched).
    minify: 'terser',
    terserOptions: {
      ecma: 2022,
      // keep_fargs: nothing here reads a function's length. pure_getters: nothing here, or in
      // lit, reads a property for a side effect (a bare `el.offsetWidth;`), so an unused read
      // may go.
      compress: { passes: 2, keep_fargs: false, pure_getters: true },
      mangle: {
        properties: {
          regex: command === 'build' ? new RegExp(`^(${internalNames(src('')).join('|')})$`) : /^$/,
          builtins: true,
        },
      },
      // ASCII only: a page without `<meta charset="utf-8">`, served without a charset, decodes
      // the script as windows-1252 and showed "Â·" for every "·" of the texts.
      format: { comments: false, preamble: LICENCE_NOTICE, ascii_only: true },
    },
    rolldownOptions: {
      output: {
        // Annotation comments only matter to a bundler; the built file is the end of the line.
        comments: { annotation: false, legal: false },
      },
    },
  },
}));
