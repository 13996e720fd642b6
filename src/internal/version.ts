/** The package version, stamped on every element class so that two copies of the bundle can tell each other apart. */
export const VERSION = '0.1.0';
