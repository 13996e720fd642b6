import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import { defaultMinifyOptions } from '@lit-labs/rollup-plugin-minify-html-literals/lib/strategy.js';
import { defineConfig } from 'vite';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reactorEmulator } from './demo/emulator/vite-plugin.js';

const { version } = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
) as {
  version: string;
};
/** One line for the licences of what the bundles contain (the full texts are in the package). */
const LICENCE_NOTICE = `/*! reactor-elements ${version} MIT. Includes lit and @lit/context, BSD-3-Clause, Google LLC. */`;

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  // `npm start` serves the no-code demo page; it loads the library the way a site does, with one
  // script tag pointing at /reactor-elements.js (here: the sources, through Vite).
  root: 'demo',
  plugins: [
    reactorEmulator(),
    {
      // `demo/script-tag.html` loads the classic script, as a page builder would: built on first
      // request, exactly as `npm run build` builds it.
      name: 'reactor-classic-script',
      apply: 'serve',
      configureServer(server) {
        server.middlewares.use((req, res, next) => {
          if (req.url !== '/reactor-elements.iife.js') return next();
          void import('./scripts/shipped-bundle.js')
            .then(({ shippedBundle }) => shippedBundle('reactor-elements.iife.js'))
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
    rolldownOptions: {
      output: {
        minify: true,
        // Annotation comments only matter to a bundler; the built file is the end of the line.
        comments: { annotation: false, legal: false },
        postBanner: LICENCE_NOTICE,
      },
    },
  },
});
