import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import { defaultMinifyOptions } from '@lit-labs/rollup-plugin-minify-html-literals/lib/strategy.js';
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { reactorEmulator } from './demo/emulator/vite-plugin.js';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  // `npm start` serves the no-code demo page; it loads the library the way a site does, with one
  // script tag pointing at /reactor-elements.js (here: the sources, through Vite).
  root: 'demo',
  plugins: [
    reactorEmulator(),
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
    lib: { entry: src('index.ts'), formats: ['es'], fileName: () => 'reactor-elements.js' },
    // Annotation comments only matter to a bundler; the built file is the end of the line.
    rolldownOptions: { output: { minify: true, comments: { annotation: false } } },
  },
});
