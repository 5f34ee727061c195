/**
 * One SVG path for a QR matrix: a rectangle per horizontal run of dark modules, so the
 * code draws as a single element with crisp edges at any size.
 */
export function matrixToPath(data: readonly (readonly boolean[])[]): string {
  let d = '';
  data.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      d += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  });
  return d;
}
