/** Where a snippet goes in each site builder, the plan that allows custom code, and its origins. */
export interface Builder {
  name: string;
  /** Where the one script tag goes (once per site). */
  script: string;
  /** Where the element tags go (per page). */
  tags: string;
  plan: string;
  /** The addresses to list in the token route's REACTOR_ALLOWED_ORIGINS, beside your domain. */
  origins: string[];
  /** What the fixtures in the test suite cover, or what to know. */
  note: string;
}

export const BUILDERS: Record<string, Builder> = {
  webflow: {
    name: 'Webflow',
    script: 'Site settings → Custom code → Footer code',
    tags: 'an Embed element (Add → Components → Code Embed) where the player goes',
    plan: 'a paid site plan (custom code needs one)',
    origins: ['https://<site>.webflow.io', 'https://<site>.canvas.webflow.com'],
    note: 'In the page itself. The Designer canvas runs no script: the fallback box shows there.',
  },
  framer: {
    name: 'Framer',
    script: 'Site settings → General → Custom Code → End of <body> tag',
    tags: 'an Embed component with only the tag (not the script: a script goes into an iframe)',
    plan: 'any plan with custom code',
    origins: ['https://<site>.framer.website', 'https://<site>.framer.app'],
    note: 'A script inside an Embed runs in a srcdoc iframe (tested: it works, one session per page).',
  },
  wix: {
    name: 'Wix',
    script: 'in the same Embed HTML box, above the tag',
    tags: 'Add → Embed code → Embed HTML ("Code"), sized to fit the player',
    plan: 'any plan for Embed HTML (Custom Code and Custom Elements need premium)',
    origins: ['https://<site>-wixsite-com.filesusr.com'],
    note: 'Runs in a sandboxed cross-origin iframe (tested); the idle detector sees only activity inside the box.',
  },
  squarespace: {
    name: 'Squarespace',
    script: 'Settings → Advanced → Code Injection → Footer',
    tags: 'a Code block where the player goes',
    plan: 'Core plan or above (not Personal)',
    origins: ['https://<site>.squarespace.com'],
    note: 'In the page itself.',
  },
  wordpress: {
    name: 'WordPress (self-hosted)',
    script: 'a Custom HTML block, or your theme’s footer',
    tags: 'a Custom HTML block',
    plan: 'an administrator or editor account (Authors and Contributors have <script> stripped on save)',
    origins: [],
    note: 'In the page itself. Easier: the Reactor Elements plugin (its blocks work for every author, and its token route runs inside WordPress: no second host). WordPress.com needs a plan with plugins.',
  },
  carrd: {
    name: 'Carrd',
    script: 'an Embed element (Type: Code, Style: Hidden, in the Head)',
    tags: 'an Embed element (Type: Code, Style: Inline)',
    plan: 'Pro Standard or above',
    origins: ['https://<site>.carrd.co'],
    note: 'In the page itself.',
  },
  html: {
    name: 'Plain HTML',
    script: 'before </body>',
    tags: 'where the player goes',
    plan: '—',
    origins: [],
    note: 'Any page of your own.',
  },
};
