/**
 * The model's media in the element's `<video>`: the video and its poster, the wanted video track
 * and any audio track in one stream, whether a frame has been shown, whether there is sound to
 * turn on, and the sound itself (muted until the visitor turns it on: autoplay rules allow sound
 * after a click).
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';

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

  /**
   * The `<video>` (named `label`: a screen reader has nothing else to call it once the poster is
   * gone), and the poster (`poster` slot, else `posterText`) until the first frame.
   */
  render(muted: boolean, posterText: string, label: string) {
    return html`<video
        part="video"
        aria-label=${label}
        playsinline
        autoplay
        .muted=${muted}
        ?hidden=${!this.hasFrame}
        @loadeddata=${this.onFirstFrame}
      ></video>
      ${
        this.hasFrame
          ? nothing
          : html`<div class="poster">
              <slot name="poster"><span class="poster-text">${posterText}</span></slot>
            </div>`
      }`;
  }

  /**
   * A track of the model: the wanted video, or audio, joins the stream; others are ignored. A
   * track that replaces one of its kind (a reconnect brings new tracks) gets a new stream: Firefox
   * keeps showing the last frame of a stream whose track was swapped under a playing `<video>`.
   */
  attach(name: string, track: MediaStreamTrack): void {
    if (track.kind !== 'audio' && name !== this.videoTrack()) return;
    if (track.kind === 'audio') this.hasAudio = true;
    const kept = this.stream?.getTracks().filter((t) => t.kind !== track.kind) ?? [];
    const swapped = !!this.stream && kept.length < this.stream.getTracks().length;
    if (!this.stream || swapped) this.stream = new MediaStream(kept);
    this.stream.addTrack(track);
    const video = this.video();
    if (video && video.srcObject !== this.stream) {
      video.srcObject = this.stream;
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

  private readonly onFirstFrame = (): void => {
    if (!this.busy()) return;
    this.hasFrame = true;
    this.host.requestUpdate();
  };
}
