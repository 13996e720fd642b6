/** Resolves with the first message the page in `frame` posts to this window with `key` set. */
export function messageFrom<T>(frame: HTMLIFrameElement, key: string): Promise<T> {
  return new Promise<T>((resolve) =>
    window.addEventListener('message', function on(e: MessageEvent) {
      if (e.source === frame.contentWindow && (e.data as Record<string, unknown> | null)?.[key]) {
        window.removeEventListener('message', on);
        resolve(e.data as T);
      }
    }),
  );
}
