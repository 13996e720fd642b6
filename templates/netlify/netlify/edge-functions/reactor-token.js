// The token route as a Netlify Edge Function: set the variables in the site's settings
// (Environment variables), deploy, and put https://<site>.netlify.app/api/reactor-token in
// token-url.
import { tokenHandlerFromEnv } from 'reactor-elements/server';

let handler = null;

export default function reactorToken(request, context) {
  // The visitor's address is the one Netlify's edge saw (`context.ip`), never a client header.
  handler ??= tokenHandlerFromEnv(Netlify.env.toObject());
  return handler(request, { remoteAddress: context.ip });
}

export const config = { path: '/api/reactor-token' };
