/**
 * A file for the model, uploaded to the live session: `POST /sessions/{id}/uploads` answers a
 * presigned URL (valid 15 minutes), the bytes are `PUT` there without credentials, and the runtime
 * is told (`fileUploaded`). The result is a {@link FileRef} to pass inside command data.
 * Framework-free.
 */
import { FileRef } from './commands.js';
import { PlatformError } from './errors.js';
import type { ApiCall } from './session-api.js';

/** The largest file `uploadFile` sends unless told otherwise (25 MiB). */
export const MAX_UPLOAD_BYTES = 25 << 20;
/** How long a presigned URL is valid, by the platform's docs (less a margin). */
const URL_LIFETIME_MS = 14 * 60_000;

export interface UploadOptions {
  /** The name the model sees (default: the file's own). */
  name?: string;
  /** Accepted types, as in `<input accept>`: MIME types, `image/*`, or `.png` extensions. */
  accept?: string;
  /** The largest size accepted, in bytes (default 25 MiB). */
  maxBytes?: number;
  onProgress?: (loaded: number, total: number) => void;
}

const bad = (message: string) => new PlatformError('bad-request', message);

/** Refuses an empty file, one over `maxBytes`, or one whose type `accept` does not name. */
export function checkFile(file: Blob, name: string, options: UploadOptions): void {
  const max = options.maxBytes ?? MAX_UPLOAD_BYTES;
  if (!(file instanceof Blob)) throw bad('uploadFile takes a File or a Blob.');
  if (!file.size) throw bad(`"${name}" is empty.`);
  if (file.size > max) throw bad(`"${name}" is ${file.size} bytes; at most ${max} are allowed.`);
  const accept = options.accept
    ?.split(',')
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean);
  if (!accept?.length) return;
  const type = file.type.toLowerCase();
  const lower = name.toLowerCase();
  const accepted = accept.some((a) =>
    a.startsWith('.')
      ? lower.endsWith(a)
      : a.endsWith('/*')
        ? type.startsWith(a.slice(0, -1))
        : type === a,
  );
  if (!accepted)
    throw bad(`"${name}" (${type || 'unknown type'}) is not one of ${accept.join(', ')}.`);
}

/** PUTs `file` to a presigned URL, with progress; rejects with the status it was refused with. */
function put(
  url: string,
  file: Blob,
  signal: AbortSignal,
  onProgress?: UploadOptions['onProgress'],
) {
  return new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const abort = () => xhr.abort();
    xhr.open('PUT', url);
    xhr.upload.onprogress = (e) => onProgress?.(e.loaded, e.total || file.size);
    xhr.onload = () =>
      xhr.status < 300
        ? resolve()
        : reject(
            new PlatformError(
              xhr.status === 403 ? 'forbidden' : 'bad-request',
              `The upload was refused (${xhr.status}).`,
              xhr.status,
            ),
          );
    xhr.onerror = () =>
      reject(new PlatformError('network', 'The upload did not reach the storage.'));
    xhr.onabort = () => reject(new PlatformError('aborted', 'The upload was cancelled.'));
    xhr.onloadend = () => signal.removeEventListener('abort', abort);
    signal.addEventListener('abort', abort, { once: true });
    if (signal.aborted) abort();
    else xhr.send(file);
  });
}

/**
 * Uploads `file` to session `sessionId`. An expired presigned URL (a 403, or one older than its
 * lifetime) is replaced once by a fresh one. `announce` tells the runtime (`fileUploaded`).
 */
export async function uploadFile(
  call: ApiCall,
  sessionId: string,
  file: Blob,
  options: UploadOptions & { signal: AbortSignal },
  announce: (ref: Record<string, unknown>) => void,
): Promise<FileRef> {
  const name = options.name ?? (file as File).name ?? 'upload';
  checkFile(file, name, options);
  const mimeType = file.type || 'application/octet-stream';
  for (let attempt = 1; ; attempt++) {
    const issuedAt = Date.now();
    const { data } = await call<{ presigned_id?: string; presigned_url?: string }>(
      `/sessions/${sessionId}/uploads`,
      { method: 'POST', body: { name, size: file.size, mime_type: mimeType } },
    );
    if (!data?.presigned_id || !data.presigned_url)
      throw new PlatformError('bad-response', 'The platform did not give an upload URL.');
    try {
      if (Date.now() - issuedAt > URL_LIFETIME_MS)
        throw new PlatformError('forbidden', 'The upload URL expired.', 403);
      await put(data.presigned_url, file, options.signal, options.onProgress);
    } catch (error) {
      if (attempt === 1 && error instanceof PlatformError && error.code === 'forbidden') continue;
      throw error;
    }
    const ref = new FileRef(data.presigned_id, name, mimeType, file.size);
    announce({ upload_id: ref.uploadId, name, mime_type: mimeType, size: file.size });
    return ref;
  }
}
