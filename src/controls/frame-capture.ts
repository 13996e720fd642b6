/**
 * The snapshot: the video's current frame as a PNG file, and how it reaches the visitor (the
 * share sheet where the browser can share files, else a download). A WebRTC stream from the
 * platform carries no peer identity, so the canvas it is drawn on stays readable.
 * Framework-free.
 */

/** The frame on screen as a PNG `File`; null while the video has no frame. */
export async function captureFrame(video: HTMLVideoElement, model: string): Promise<File | null> {
  const { videoWidth: width, videoHeight: height } = video;
  if (video.readyState < 2 || !width || !height) return null;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')?.drawImage(video, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) return null;
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const name = `${model.replace(/[^\w-]+/g, '-') || 'reactor'}-${stamp}.png`;
  return new File([blob], name, { type: 'image/png' });
}

/**
 * Gives the file to the visitor: shared where files can be shared (phones, Safari); else (or
 * when sharing is not allowed here, as in a builder's frame without `allow="web-share"`) opened
 * in a tab of its own when the player is in a frame, else downloaded. Resolves with what
 * happened; a share the visitor dismissed is `cancelled`.
 */
export async function deliverFile(
  file: File,
): Promise<'shared' | 'opened' | 'downloaded' | 'cancelled'> {
  if (navigator.canShare?.({ files: [file] })) {
    try {
      await navigator.share({ files: [file] });
      return 'shared';
    } catch (error) {
      if ((error as Error).name === 'AbortError') return 'cancelled';
      // NotAllowedError and the like: the download below still works.
    }
  }
  const url = URL.createObjectURL(file);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  // A builder's frame may forbid downloads (Wix's sandbox has no `allow-downloads`), and the
  // browser then drops one without a word: in a frame, the picture opens in a tab instead (its
  // answer says nothing: Chromium answers null for the tab it opened from a sandboxed frame).
  if (window.top !== window) {
    window.open(url, '_blank');
    return 'opened';
  }
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.click();
  return 'downloaded';
}
