// The token route as a Cloudflare Worker: its variables are listed in .dev.vars.example (the
// deploy button asks for them; or `npx wrangler secret put <NAME>` each), then `npx wrangler deploy`.
import {
  ReactorLimits,
  createDurableObjectStore,
  tokenHandlerFromEnv,
} from 'reactor-elements/server';

// The limits' Durable Object: one for every instance of this Worker, worldwide.
export { ReactorLimits };

let handler = null;
let handlerEnv = null;

export default {
  fetch(request, env) {
    if (env !== handlerEnv) {
      handlerEnv = env;
      handler = tokenHandlerFromEnv(env, {
        store: env.REACTOR_LIMITS ? createDurableObjectStore(env.REACTOR_LIMITS) : undefined,
        // The visitor's address: Cloudflare's edge sets this header and replaces any the client sent.
        clientKey: (req) => req.headers.get('CF-Connecting-IP') ?? '(unknown)',
      });
    }
    return handler(request);
  },
};
