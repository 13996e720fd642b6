/**
 * File uploads of live sessions, as the protocol notes describe them (`POST
 * /sessions/{id}/uploads` → a presigned URL → `PUT` of the raw bytes, no auth). The presigned
 * URLs are on the emulator's own origin and expire like the platform's (15 minutes); the bytes
 * are kept, with their SHA-256, for `GET /_emulator/uploads`.
 */
import { createHash, randomUUID } from 'node:crypto';
import { type ErrorReply, errors } from './errors.js';

export interface UploadRecord {
  upload_id: string;
  session_id: string;
  name: string;
  mime_type: string;
  size: number;
  /** Hex SHA-256 of the stored bytes; null until they arrived. */
  sha256: string | null;
}

interface Presigned {
  record: UploadRecord;
  expiresAt: number;
}

export type PutResult =
  { ok: true; record: UploadRecord } | { ok: false; status: number; message: string };

export class UploadStore {
  private readonly presigned = new Map<string, Presigned>();

  /** A presigned URL for one file of `sessionId`, valid `ttlMs` from now. */
  issue(
    sessionId: string,
    file: { name: string; size: number; mime_type: string },
    origin: string,
    ttlMs: number,
  ): Record<string, unknown> {
    const id = randomUUID();
    const record: UploadRecord = { upload_id: id, session_id: sessionId, ...file, sha256: null };
    this.presigned.set(id, { record, expiresAt: Date.now() + ttlMs });
    const path = `sessions/${sessionId}/uploads/${id}/${encodeURIComponent(file.name)}`;
    return { presigned_id: id, presigned_url: `${origin}/_uploads/${id}`, path };
  }

  /** The `PUT` to a presigned URL: 403 once it expired, 400 when the size is not the declared one. */
  put(id: string, bytes: Buffer): PutResult {
    const entry = this.presigned.get(id);
    if (!entry) return { ok: false, status: 404, message: 'No such upload URL.' };
    if (Date.now() >= entry.expiresAt)
      return { ok: false, status: 403, message: 'Request has expired.' };
    if (bytes.length !== entry.record.size)
      return {
        ok: false,
        status: 400,
        message: `Declared ${entry.record.size} bytes, received ${bytes.length}.`,
      };
    entry.record.sha256 = createHash('sha256').update(bytes).digest('hex');
    return { ok: true, record: entry.record };
  }

  /** Every upload whose bytes arrived. */
  list(): UploadRecord[] {
    return [...this.presigned.values()].map((p) => p.record).filter((r) => r.sha256 !== null);
  }

  clear(): void {
    this.presigned.clear();
  }
}

/** The body of `POST /sessions/{id}/uploads`, checked: the file to presign, or the 400 to answer. */
export function checkUploadRequest(
  body: unknown,
  maxBytes: number,
): { name: string; size: number; mime_type: string } | { error: ErrorReply } {
  const b = (body ?? {}) as { name?: unknown; size?: unknown; mime_type?: unknown };
  if (typeof b.name !== 'string' || !b.name || typeof b.mime_type !== 'string')
    return { error: errors.badRequest('name and mime_type are required.') };
  if (typeof b.size !== 'number' || !Number.isInteger(b.size) || b.size <= 0 || b.size > maxBytes)
    return { error: errors.badRequest(`size must be 1..${maxBytes} bytes.`) };
  return { name: b.name, size: b.size, mime_type: b.mime_type };
}
