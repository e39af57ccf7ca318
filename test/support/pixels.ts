import type { Locator, Page } from 'playwright-core';

/** RGB pixels of a rectangle of the page as it is painted, row by row. */
export interface Pixels {
  width: number;
  height: number;
  rgb: [number, number, number][];
}

/**
 * Paints the control (inset by `inset` px, to leave its border out) and reads its pixels back through a canvas in
 * the page itself, so no image library is needed.
 */
export async function controlPixels(page: Page, control: Locator, inset = 4): Promise<Pixels> {
  const box = await control.boundingBox();
  if (!box) throw new Error('the control is not on screen');
  const clip = { x: box.x + inset, y: box.y + inset, width: box.width - 2 * inset, height: box.height - 2 * inset };
  const png = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [img.width, img.height];
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    const rgb: [number, number, number][] = [];
    for (let i = 0; i < data.length; i += 4) rgb.push([data[i], data[i + 1], data[i + 2]]);
    return { width: img.width, height: img.height, rgb };
  }, png.toString('base64'));
}

/** WCAG relative luminance. */
function luminance([r, g, b]: [number, number, number]): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** What choosing did to the inside of a control: how much of it changed, and how strongly it differs now. */
export function choiceDifference(
  before: Pixels,
  after: Pixels,
): { changedShare: number; strongestChange: number; markContrast: number } {
  if (before.rgb.length !== after.rgb.length) throw new Error('the control changed size');
  let changed = 0;
  let strongestChange = 1;
  after.rgb.forEach((px, i) => {
    const c = contrast(px, before.rgb[i]);
    if (c >= 1.5) changed++;
    strongestChange = Math.max(strongestChange, c);
  });
  // The mark (tick or dot) against its fill: the lightest against the darkest pixel inside the chosen control.
  const lums = after.rgb.map(luminance);
  const lightest = after.rgb[lums.indexOf(Math.max(...lums))];
  const darkest = after.rgb[lums.indexOf(Math.min(...lums))];
  return { changedShare: changed / after.rgb.length, strongestChange, markContrast: contrast(lightest, darkest) };
}
