/**
 * The fixed texts of the visitor controls (`controls`), in English. They join the messages of
 * `<reactor-session>`, so a page translates them with the rest (`registerTranslation(lang,
 * {session: {...}})`). `{name}` marks a value.
 */
export const controlMessages = {
  controlsLabel: 'Controls',
  send: 'Send',
  characters: '{count} of {max} characters',
  sent: 'Sent: {label}.',
  notSent: 'Not sent: {message}',
  uploading: 'Uploading {name}: {percent}\u00a0%',
  snapshot: 'Snapshot',
  snapshotSaved: 'Snapshot saved: {name}.',
  snapshotShared: 'Snapshot shared.',
  snapshotOpened: 'Snapshot opened in a new tab: save it from there.',
  noFrame: 'No video frame to save yet.',
  fullscreen: 'Full screen',
};

export type ControlText = typeof controlMessages;
