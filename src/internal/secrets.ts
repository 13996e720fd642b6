/**
 * A line of text with every secret in it masked: a Reactor API key (`rk_…`, kept to its first
 * four characters), a JWT, credentials in a URL (`//user:pass@`). For any text that quotes what
 * a server or an error said before it reaches a log or a page: the token broker's log lines,
 * the setup checklist's echo of a token route's answer.
 */
export const maskSecrets = (line: string) =>
  line
    .replace(/\b(rk_[A-Za-z0-9]{0,4})[A-Za-z0-9_-]*/gi, '$1…')
    .replace(/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, 'eyJ… (a token)')
    .replace(/\/\/[^/@\s]*@/g, '//***@');
