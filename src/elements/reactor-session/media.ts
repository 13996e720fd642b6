/**
 * The model's media in the element's `<video>`: the wanted video track and any audio track in
 * one stream, whether a frame has been shown, whether there is sound to turn on, and the sound
 * itself (muted until the visitor turns it on: autoplay rules allow sound after a click).
 */
import type { ReactiveControllerHost } from 'lit';

export class SessionMedia {
  /** A frame has been presented (the poster gives way to the video). */
  hasFrame = false;
  /** The model sends audio (the sound button is shown). */
  hasAudio = false;
  private stream: MediaStream | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly video: () => HTMLVideoElement | null | undefined,
    /** The name of the video track to show. */
    private readonly videoTrack: () => string,
    /** Whether a session is under way (a late frame after the end is not shown). */
    private readonly busy: () => boolean,
  ) {}

  /** A track of the model: the wanted video, or audio, joins the stream; others are ignored. */
  attach(name: string, track: MediaStreamTrack): void {
    if (track.kind !== 'audio' && name !== this.videoTrack()) return;
    if (track.kind === 'audio') this.hasAudio = true;
    const stream = (this.stream ??= new MediaStream());
    for (const old of stream.getTracks())
      if (old.kind === track.kind && old !== track) stream.removeTrack(old);
    stream.addTrack(track);
    const video = this.video();
    if (video && video.srcObject !== stream) {
      video.srcObject = stream;
      video.play().catch(() => undefined);
    }
    this.host.requestUpdate();
  }

  /** The session is over: the video lets go of the stream. */
  detach(): void {
    const video = this.video();
    if (video) video.srcObject = null;
    this.stream = null;
    this.hasFrame = this.hasAudio = false;
    this.host.requestUpdate();
  }

  /** Sound on or off; on is asked for by a click, so playback may resume with it. */
  setMuted(muted: boolean): void {
    const video = this.video();
    if (!video) return;
    video.muted = muted;
    if (!muted) video.play().catch(() => undefined);
  }

  readonly onFirstFrame = (): void => {
    if (!this.busy()) return;
    this.hasFrame = true;
    this.host.requestUpdate();
  };
}
