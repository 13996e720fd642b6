// The snippet page under `npm start`: the preview runs against the local emulator.
import { mountSnippetPage } from './page.js';
import pins from './pins.json';

mountSnippetPage(document.querySelector('#snippet-page')!, {
  apiUrl: 'http://127.0.0.1:8787',
  previewTokenUrl: '/api/reactor-token',
  pins,
  localeScript: (lang) => `/reactor-elements.${lang}.js`,
  debugScript: '/reactor-elements.debug.js',
});
