/**
 * The emulated model's picture: an I420 test pattern with colour bars, a bar that sweeps once a
 * second, the session id and a running clock (seconds since the stream started, to the tenth),
 * so a screenshot or a test can see that frames are live.
 */

/** A 5x7 font: each glyph is 7 rows of 5 bits, most significant bit on the left. */
const FONT: Record<string, number[]> = {
  '0': [0x0e, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0e],
  '1': [0x04, 0x0c, 0x04, 0x04, 0x04, 0x04, 0x0e],
  '2': [0x0e, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1f],
  '3': [0x1f, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0e],
  '4': [0x02, 0x06, 0x0a, 0x12, 0x1f, 0x02, 0x02],
  '5': [0x1f, 0x10, 0x1e, 0x01, 0x01, 0x11, 0x0e],
  '6': [0x06, 0x08, 0x10, 0x1e, 0x11, 0x11, 0x0e],
  '7': [0x1f, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08],
  '8': [0x0e, 0x11, 0x11, 0x0e, 0x11, 0x11, 0x0e],
  '9': [0x0e, 0x11, 0x11, 0x0f, 0x01, 0x02, 0x0c],
  A: [0x0e, 0x11, 0x11, 0x1f, 0x11, 0x11, 0x11],
  B: [0x1e, 0x11, 0x11, 0x1e, 0x11, 0x11, 0x1e],
  C: [0x0e, 0x11, 0x10, 0x10, 0x10, 0x11, 0x0e],
  D: [0x1c, 0x12, 0x11, 0x11, 0x11, 0x12, 0x1c],
  E: [0x1f, 0x10, 0x10, 0x1e, 0x10, 0x10, 0x1f],
  F: [0x1f, 0x10, 0x10, 0x1e, 0x10, 0x10, 0x10],
  G: [0x0e, 0x11, 0x10, 0x17, 0x11, 0x11, 0x0f],
  H: [0x11, 0x11, 0x11, 0x1f, 0x11, 0x11, 0x11],
  I: [0x0e, 0x04, 0x04, 0x04, 0x04, 0x04, 0x0e],
  J: [0x07, 0x02, 0x02, 0x02, 0x02, 0x12, 0x0c],
  K: [0x11, 0x12, 0x14, 0x18, 0x14, 0x12, 0x11],
  L: [0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x1f],
  M: [0x11, 0x1b, 0x15, 0x15, 0x11, 0x11, 0x11],
  N: [0x11, 0x11, 0x19, 0x15, 0x13, 0x11, 0x11],
  O: [0x0e, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0e],
  P: [0x1e, 0x11, 0x11, 0x1e, 0x10, 0x10, 0x10],
  Q: [0x0e, 0x11, 0x11, 0x11, 0x15, 0x12, 0x0d],
  R: [0x1e, 0x11, 0x11, 0x1e, 0x14, 0x12, 0x11],
  S: [0x0f, 0x10, 0x10, 0x0e, 0x01, 0x01, 0x1e],
  T: [0x1f, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04],
  U: [0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0e],
  V: [0x11, 0x11, 0x11, 0x11, 0x11, 0x0a, 0x04],
  W: [0x11, 0x11, 0x11, 0x15, 0x15, 0x15, 0x0a],
  X: [0x11, 0x11, 0x0a, 0x04, 0x0a, 0x11, 0x11],
  Y: [0x11, 0x11, 0x11, 0x0a, 0x04, 0x04, 0x04],
  Z: [0x1f, 0x01, 0x02, 0x04, 0x08, 0x10, 0x1f],
  '-': [0x00, 0x00, 0x00, 0x1f, 0x00, 0x00, 0x00],
  ':': [0x00, 0x0c, 0x0c, 0x00, 0x0c, 0x0c, 0x00],
  '.': [0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x0c],
  '/': [0x01, 0x01, 0x02, 0x04, 0x08, 0x10, 0x10],
  ' ': [0, 0, 0, 0, 0, 0, 0],
};

/** Colour bars in YUV (BT.601): white, yellow, cyan, green, magenta, red, blue. */
const BARS: [number, number, number][] = [
  [235, 128, 128],
  [210, 16, 146],
  [170, 166, 16],
  [145, 54, 34],
  [106, 202, 222],
  [81, 90, 240],
  [41, 240, 110],
];

export class TestPattern {
  readonly width: number;
  readonly height: number;
  private readonly background: Uint8Array;
  private readonly frame: Uint8Array;

  /** `title` goes on top (e.g. the model), `label` at the bottom (e.g. the session id). */
  constructor(width: number, height: number, title: string, label: string) {
    this.width = width & ~1;
    this.height = height & ~1;
    const size = (this.width * this.height * 3) / 2;
    this.background = new Uint8Array(size);
    this.frame = new Uint8Array(size);
    this.paintBackground(title, label);
  }

  /** The frame for `elapsedMs` since the stream started (the same buffer every call). */
  render(elapsedMs: number): { width: number; height: number; data: Uint8Array } {
    this.frame.set(this.background);
    const { width: w, height: h } = this;
    // A white bar that sweeps across the lower band once a second.
    const barW = Math.max(4, Math.round(w / 24));
    const x0 = Math.round(((elapsedMs % 1000) / 1000) * (w - barW));
    this.fillY(x0, Math.round(h * 0.9), barW, Math.round(h * 0.1), 235);
    const clock = `T ${(elapsedMs / 1000).toFixed(1)}`;
    const scale = Math.max(2, Math.floor(h / 45));
    this.text(clock, Math.round(w * 0.05), Math.round(h * 0.62), scale, 235, 16);
    return { width: w, height: h, data: this.frame };
  }

  private paintBackground(title: string, label: string): void {
    const { width: w, height: h, background: buf } = this;
    const uOff = w * h;
    const vOff = uOff + (w / 2) * (h / 2);
    const barsH = Math.round(h * 0.55);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const bar = BARS[Math.min(BARS.length - 1, Math.floor((x * BARS.length) / w))]!;
        buf[y * w + x] = y < barsH ? bar[0] : 24;
      }
    }
    for (let y = 0; y < h / 2; y++) {
      for (let x = 0; x < w / 2; x++) {
        const bar = BARS[Math.min(BARS.length - 1, Math.floor((x * 2 * BARS.length) / w))]!;
        const top = y * 2 < barsH;
        buf[uOff + y * (w / 2) + x] = top ? bar[1] : 128;
        buf[vOff + y * (w / 2) + x] = top ? bar[2] : 128;
      }
    }
    const fit = (text: string, max: number) =>
      Math.max(1, Math.min(max, Math.floor((w * 0.9) / (text.length * 6))));
    const heading = `${title} - REACTOR EMULATOR`.toUpperCase();
    this.text(heading, Math.round(w * 0.05), Math.round(h * 0.05), fit(heading, 3), 16, 235, buf);
    const small = fit(label, Math.max(1, Math.floor(h / 110)));
    const y = Math.round(h * 0.86) - 8 * small;
    this.text(label.toUpperCase(), Math.round(w * 0.05), y, small, 200, 24, buf);
  }

  private fillY(
    x0: number,
    y0: number,
    wRect: number,
    hRect: number,
    luma: number,
    buf = this.frame,
  ) {
    for (let y = Math.max(0, y0); y < Math.min(this.height, y0 + hRect); y++) {
      buf.fill(
        luma,
        y * this.width + Math.max(0, x0),
        y * this.width + Math.min(this.width, x0 + wRect),
      );
    }
  }

  /** Draws text in the luma plane, on a box of `boxLuma` one pixel of scale wide around it. */
  private text(
    s: string,
    x0: number,
    y0: number,
    scale: number,
    luma: number,
    boxLuma: number,
    buf = this.frame,
  ) {
    const advance = 6 * scale;
    this.fillY(x0 - scale, y0 - scale, s.length * advance + scale, 9 * scale, boxLuma, buf);
    for (let i = 0; i < s.length; i++) {
      const glyph = FONT[s[i]!] ?? FONT[' ']!;
      for (let row = 0; row < 7; row++) {
        const bits = glyph[row]!;
        for (let col = 0; col < 5; col++) {
          if (bits & (0x10 >> col)) {
            this.fillY(x0 + i * advance + col * scale, y0 + row * scale, scale, scale, luma, buf);
          }
        }
      }
    }
  }
}
