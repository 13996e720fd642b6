/** Types of scripts/browser.mjs (the browsers the tests run in). */
export declare const BASE_ARGS: string[];
export declare function resolveBrowser(): Promise<{
  executablePath: string;
  headless: boolean | 'shell';
  args: string[];
  label: string;
}>;
export declare function resolveFirefox(): { executablePath: string; label: string } | null;
