/** Build: QR codes drawn at build time (no script at run time): the matrix from uqr, one compact SVG path. */
import { encode } from 'uqr';

const QUIET_ZONE = 4;

/** An SVG of the QR code of `text`: one stroked path of horizontal runs, 4 modules of white margin, medium correction. */
export function qrSvg(text: string, label: string): string {
  const { data, size } = encode(text, { ecc: 'M', border: 0 });
  let d = '';
  data.forEach((row, y) => {
    for (let x = 0; x < size; x++) {
      if (!row[x]) continue;
      const start = x;
      while (x + 1 < size && row[x + 1]) x++;
      d += `M${start + QUIET_ZONE} ${y + QUIET_ZONE}.5h${x - start + 1}`;
    }
  });
  const side = size + 2 * QUIET_ZONE;
  const escaped = label.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" role="img" aria-label="${escaped}" shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/><path d="${d}" stroke="#000"/></svg>`;
}
