/**
 * Host configs write colours as #RRGGBB or, as the Adaptive Cards renderer reads them, #AARRGGBB (alpha first).
 * A translucent colour is what it looks like over what is behind it: composited over `under` (white if not given).
 */
export const opaque = (colour: string, under = '#FFFFFF'): string => {
  const argb = /^#([0-9a-f]{2})([0-9a-f]{6})$/i.exec(colour);
  if (!argb) return colour;
  const alpha = parseInt(argb[1]!, 16) / 255;
  const channels = (hex: string) => [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const back = channels(opaque(under).slice(1));
  const front = channels(argb[2]!);
  return `#${front.map((c, i) => Math.round(c * alpha + back[i]! * (1 - alpha)).toString(16).padStart(2, '0')).join('')}`.toUpperCase();
};

/** WCAG 2 relative luminance of a #RRGGBB colour. */
export const luminance = (hex: string): number => {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #RRGGBB colour: ${hex}`);
  const [r, g, b] = m.slice(1).map((h) => {
    const s = parseInt(h, 16) / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

/** WCAG 2 contrast ratio, 1 to 21, rounded down to two places so that 4.496 does not pass as 4.5. */
export const contrastRatio = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return Math.floor(((hi! + 0.05) / (lo! + 0.05)) * 100) / 100;
};

/** The contrast of text `fg` on background `bg`, either of which may be translucent (#AARRGGBB): bg over white. */
export const textContrast = (fg: string, bg: string): number => {
  const background = opaque(bg);
  return contrastRatio(opaque(fg, background), background);
};
