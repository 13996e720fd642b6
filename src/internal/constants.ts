/** The platform's hard cap on one session, in seconds. */
export const PLATFORM_MAX_DURATION = 1200;

/** Where the elements talk to Reactor unless `api-url` says otherwise. */
export const DEFAULT_API_URL = 'https://api.reactor.inc';
