// The token route on Deno Deploy (or any Deno): set the variables in the project's settings,
// deploy this file, and put https://<project>.deno.dev in token-url. Locally:
// deno run --allow-net --allow-env main.ts
import { tokenHandlerFromEnv } from 'npm:reactor-elements/server';

const handler = tokenHandlerFromEnv(Deno.env.toObject());

Deno.serve({ port: Number(Deno.env.get('PORT') ?? 8000) }, (request, info) =>
  // The visitor's address is the socket's peer (Deno Deploy's edge), never a client header.
  handler(request, { remoteAddress: info.remoteAddr.hostname }),
);
