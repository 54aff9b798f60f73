/**
 * A small PNG encoder for the slices: 8-bit greyscale when the slice has no colour (most of the
 * text), RGB otherwise, no filter, zlib in the thread pool. Faster than the canvas's own encoder
 * and half the bytes on text, which keeps slices well under WeChat's 1 MB.
 */
import { deflate } from 'node:zlib';
import { promisify } from 'node:util';

const deflateAsync = promisify(deflate);

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encode opaque RGBA pixels (R, G, B, A order) as a PNG. */
export async function encodePng(rgba: Uint8Array, width: number, height: number): Promise<Buffer> {
  let grey = true;
  for (let i = 0; i < rgba.length; i += 4)
    if (rgba[i] !== rgba[i + 1] || rgba[i] !== rgba[i + 2]) {
      grey = false;
      break;
    }
  const channels = grey ? 1 : 3;
  const stride = width * channels + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    let q = y * stride + 1; // filter byte 0: none
    let p = y * width * 4;
    if (grey) for (let x = 0; x < width; x++, p += 4) raw[q++] = rgba[p];
    else
      for (let x = 0; x < width; x++, p += 4) {
        raw[q++] = rgba[p];
        raw[q++] = rgba[p + 1];
        raw[q++] = rgba[p + 2];
      }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = grey ? 0 : 2;
  const idat = await deflateAsync(raw, { level: 6 });
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}
