// The token route as a Vercel Edge Function: set the variables in the project's settings
// (Environment Variables), deploy, and put https://<project>.vercel.app/api/reactor-token in
// token-url.
import { tokenHandlerFromEnv } from 'reactor-elements/server';

export const config = { runtime: 'edge' };

const handler = tokenHandlerFromEnv(process.env, {
  // The visitor's address: Vercel's edge sets this header and replaces any the client sent.
  clientKey: (request) => request.headers.get('x-real-ip') ?? '(unknown)',
});

export default function reactorToken(request) {
  return handler(request);
}
