#!/usr/bin/env node
/* Draws the Teams app icons (a civic building: pediment, four columns, steps), encoded with pngjs:
 *   manifest/color.png    192x192, white building on the accent colour (full-colour icon)
 *   manifest/outline.png   32x32, white building on a transparent background (outline icon)
 * Run: node manifest/tools/generate-icons.js   (the PNGs are committed; run again only to change the design).
 */
'use strict';
/* global Buffer */
const fs = require('node:fs');
const path = require('node:path');
const { PNG } = require('pngjs');

const ACCENT = [0x1f, 0x4e, 0x79]; // #1F4E79, keep in step with accentColor in manifest.template.json
const WHITE = [0xff, 0xff, 0xff];

/** The glyph in a unit box: each shape answers whether a point (x, y in 0..1) is inside. */
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const pediment = (x, y) => y >= 0 && y <= 0.27 && Math.abs(x - 0.5) <= (y / 0.27) * 0.5;
const SHAPES = [
  pediment,
  rect(0.04, 0.31, 0.96, 0.39), // entablature
  ...[0.16, 0.38, 0.62, 0.84].map((cx) => rect(cx - 0.065, 0.43, cx + 0.065, 0.81)), // columns
  rect(0.04, 0.85, 0.96, 0.91), // upper step
  rect(0, 0.94, 1, 1), // lower step
];
const inGlyph = (x, y) => SHAPES.some((s) => s(x, y));

/** RGBA pixels: glyph coverage by 4x4 supersampling, composited over `background` (or transparent). */
function draw(size, box, background) {
  const px = Buffer.alloc(size * size * 4);
  const [gx, gy, gw, gh] = box;
  const N = 4;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let hits = 0;
      for (let sj = 0; sj < N; sj++)
        for (let si = 0; si < N; si++) {
          const x = (i + (si + 0.5) / N - gx) / gw;
          const y = (j + (sj + 0.5) / N - gy) / gh;
          if (inGlyph(x, y)) hits++;
        }
      const a = hits / (N * N);
      const o = (j * size + i) * 4;
      if (background) {
        for (let c = 0; c < 3; c++) px[o + c] = Math.round(WHITE[c] * a + background[c] * (1 - a));
        px[o + 3] = 255;
      } else {
        px[o] = px[o + 1] = px[o + 2] = 255;
        px[o + 3] = Math.round(a * 255);
      }
    }
  }
  return px;
}

/** Encodes RGBA pixels as a PNG (pngjs). */
const png = (size, rgba) => {
  const image = new PNG({ width: size, height: size });
  rgba.copy(image.data);
  return PNG.sync.write(image, { colorType: 6 });
};

const out = path.resolve(__dirname, '..');
fs.writeFileSync(path.join(out, 'color.png'), png(192, draw(192, [40, 40, 112, 112], ACCENT)));
fs.writeFileSync(path.join(out, 'outline.png'), png(32, draw(32, [4, 4, 24, 24], null)));
console.log(`wrote ${path.join(out, 'color.png')} and ${path.join(out, 'outline.png')}`);
