// Renders the app icon (public/icon.svg: a teal rounded square with a white "P" stroke) as PNGs
// for the web app manifest, at build time (vite.config.ts), without an image library: the shapes
// are drawn with signed distances and anti-aliased by coverage, and written as plain PNG (RFC 2083).
import { deflateSync } from 'node:zlib';

const BRAND: [number, number, number] = [0x0b, 0x5c, 0x6b];

/** The "P" of icon.svg (viewBox 512): M136 392V152h120a80 80 0 0 1 0 160h-56v80z, stroke 40. */
function glyphSegments(): [number, number, number, number][] {
  const pts: [number, number][] = [[136, 392], [136, 152], [256, 152]];
  // The arc: centre (256, 232), radius 80, from the top (256,152) clockwise to the bottom (256,312).
  for (let i = 1; i <= 32; i++) {
    const a = -Math.PI / 2 + (Math.PI * i) / 32;
    pts.push([256 + 80 * Math.cos(a), 232 + 80 * Math.sin(a)]);
  }
  pts.push([200, 312], [200, 392], [136, 392]);
  const segs: [number, number, number, number][] = [];
  for (let i = 0; i < pts.length - 1; i++) segs.push([pts[i][0], pts[i][1], pts[i + 1][0], pts[i + 1][1]]);
  return segs;
}

function distanceToSegment(px: number, py: number, [x1, y1, x2, y2]: [number, number, number, number]): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

function roundedRectDistance(px: number, py: number, size: number, radius: number): number {
  const qx = Math.abs(px - size / 2) - (size / 2 - radius);
  const qy = Math.abs(py - size / 2) - (size / 2 - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/**
 * RGBA pixels of the icon. `maskable`: full-bleed background and the glyph shrunk into the
 * central safe zone (W3C Manifest "maskable" icons keep the inner 80% circle).
 */
export function renderIcon(size: number, maskable = false): Buffer {
  const px = Buffer.alloc(size * size * 4);
  const unit = 512 / size; // icon units per pixel
  const segs = glyphSegments();
  const glyphScale = maskable ? 0.72 : 1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const ux = (x + 0.5) * unit;
      const uy = (y + 0.5) * unit;
      const bg = maskable ? 1 : Math.max(0, Math.min(1, 0.5 - roundedRectDistance(ux, uy, 512, 96) / unit));
      const gx = 256 + (ux - 256) / glyphScale;
      const gy = 256 + (uy - 256) / glyphScale;
      let d = Infinity;
      // Only pixels near the glyph's box (116–356 × 132–412 with the stroke) need the distance.
      if (bg > 0 && gx > 110 && gx < 362 && gy > 126 && gy < 418) for (const s of segs) d = Math.min(d, distanceToSegment(gx, gy, s));
      const fg = Math.max(0, Math.min(1, 0.5 + (20 - d) * glyphScale / unit));
      const i = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) px[i + c] = Math.round(BRAND[c] * (1 - fg) + 255 * fg);
      px[i + 3] = Math.round(255 * bg);
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A truecolour-with-alpha PNG of `rgba` (size × size). */
export function encodePng(rgba: Buffer, size: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** The manifest's PNG icons: file name → PNG bytes. */
export function manifestIcons(): Record<string, Buffer> {
  return {
    'icon-192.png': encodePng(renderIcon(192), 192),
    'icon-512.png': encodePng(renderIcon(512), 512),
    'icon-maskable-512.png': encodePng(renderIcon(512, true), 512),
    'apple-touch-icon.png': encodePng(renderIcon(180, true), 180),
  };
}
