// Converts Fashion-MNIST's 10,000 test images (Zalando, MIT; Debian's package dataset-fashion-mnist puts
// them in /usr/share/datasets/fashion-mnist) into the compact file the server bundles, in the same layout
// as the digits (scripts/mnist-convert.cjs): gzip of "MNST", u8 version 1, u8 rows, u8 cols,
// u32 big-endian count, then per image: u8 label, rows*cols u8 pixels. The IDX files already hold one
// byte a pixel, so the copy is lossless; images keep the file's order (1,000 of each class), and the
// server's split shuffles them by the link's seed.
//   apt-get install dataset-fashion-mnist
//   node scripts/fashion-convert.cjs /usr/share/datasets/fashion-mnist src/main/resources/data/fashion.bin.gz
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const [dir, out] = process.argv.slice(2);
if (!dir || !out) { console.error('usage: node fashion-convert.cjs <fashion-mnist dir> <out.bin.gz>'); process.exit(2); }
const images = zlib.gunzipSync(fs.readFileSync(path.join(dir, 't10k-images-idx3-ubyte.gz')));
const labels = zlib.gunzipSync(fs.readFileSync(path.join(dir, 't10k-labels-idx1-ubyte.gz')));
// IDX: images magic 0x803, count, rows, cols; labels magic 0x801, count (all big-endian u32)
if (images.readUInt32BE(0) !== 0x803 || labels.readUInt32BE(0) !== 0x801) throw new Error('not IDX image and label files');
const count = images.readUInt32BE(4), rows = images.readUInt32BE(8), cols = images.readUInt32BE(12);
if (labels.readUInt32BE(4) !== count) throw new Error(`${count} images but ${labels.readUInt32BE(4)} labels`);
const size = rows * cols;
const body = Buffer.alloc(count * (1 + size));
for (let i = 0; i < count; i++) {
  const label = labels[8 + i];
  if (label > 9) throw new Error(`image ${i}: label ${label}`);
  body[i * (1 + size)] = label;
  images.copy(body, i * (1 + size) + 1, 16 + i * size, 16 + (i + 1) * size);
}
const header = Buffer.alloc(11);
header.write('MNST', 0, 'ascii');
header[4] = 1; header[5] = rows; header[6] = cols;
header.writeUInt32BE(count, 7);
const gz = zlib.gzipSync(Buffer.concat([header, body]), { level: 9, mtime: 0 });
fs.writeFileSync(out, gz);
console.log(`${count} images, ${gz.length} bytes -> ${out}`);
