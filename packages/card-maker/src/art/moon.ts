// Mid-Autumn: a full moon with its glow, drifting clouds across it, an osmanthus branch
// in bloom reaching in from the left, and a rabbit on the hill watching. Palette: night
// indigo, moon cream, osmanthus gold, leaf green, cloud blue.
const flower = (x: number, y: number, s: number) =>
  `<g transform="translate(${x} ${y}) scale(${s})">${[0, 90, 180, 270].map((r) => `<ellipse cy="-7" rx="5" ry="7" transform="rotate(${r + 45})" fill="#f2b33d"/>`).join('')}<circle r="3" fill="#c77d12"/></g>`;
const leaf = (x: number, y: number, r: number, s = 1) =>
  `<path transform="translate(${x} ${y}) rotate(${r}) scale(${s})" d="M0 0C20-16 56-14 76 0 56 14 20 16 0 0Z" fill="#2f5d50"/><path transform="translate(${x} ${y}) rotate(${r}) scale(${s})" d="M6 0H68" stroke="#4f8a74" stroke-width="2"/>`;
const cluster = (x: number, y: number) =>
  [[0, 0, 1.3], [16, -10, 1.1], [-14, -8, 1], [8, 14, 1.2], [-10, 16, 0.9], [26, 8, 0.9]].map(([a, b, s]) => flower(x + a, y + b, s)).join('');

export const moon = `<svg xmlns="http://www.w3.org/2000/svg" width="1080" height="700" viewBox="0 0 1080 700">
<defs><radialGradient id="glow"><stop offset=".45" stop-color="#fff1c1" stop-opacity=".35"/><stop offset="1" stop-color="#fff1c1" stop-opacity="0"/></radialGradient>
<radialGradient id="face" cx=".4" cy=".35" r=".7"><stop offset="0" stop-color="#fffbe6"/><stop offset=".7" stop-color="#fbe7a6"/><stop offset="1" stop-color="#f1cf73"/></radialGradient></defs>
<circle cx="700" cy="300" r="330" fill="url(#glow)"/>
<circle cx="700" cy="300" r="200" fill="url(#face)"/>
<g fill="#e9c86a" opacity=".45"><circle cx="640" cy="240" r="34"/><circle cx="760" cy="340" r="46"/><circle cx="700" cy="400" r="20"/><circle cx="780" cy="220" r="16"/></g>
<g fill="#3c4f85"><path d="M430 360C440 330 490 330 500 350 520 320 580 330 580 360H700C720 360 720 384 700 384H420C400 384 405 360 430 360Z" opacity=".9"/>
<path d="M760 250C768 228 806 226 814 244 830 222 880 230 880 254H960C978 254 978 274 960 274H740C724 274 730 252 760 250Z" opacity=".75"/></g>
<linearGradient id="hill" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#0d1530"/><stop offset="1" stop-color="#0d1530" stop-opacity="0"/></linearGradient>
<path d="M0 700V610C200 560 420 590 600 600S900 560 1080 540V700Z" fill="url(#hill)"/>
<g transform="translate(900 560)" fill="#f4f1ea"><ellipse cx="0" cy="0" rx="46" ry="36"/><circle cx="34" cy="-30" r="24"/><ellipse cx="30" cy="-76" rx="9" ry="30" transform="rotate(-8 30 -76)"/><ellipse cx="48" cy="-72" rx="8" ry="27" transform="rotate(14 48 -72)"/><circle cx="-44" cy="6" r="12"/><circle cx="42" cy="-32" r="3.5" fill="#14213d"/><ellipse cx="31" cy="-74" rx="3" ry="18" fill="#f2c8c8" transform="rotate(-8 31 -74)"/></g>
<path d="M-20 90C120 120 220 170 330 260" stroke="#4a3322" stroke-width="12" fill="none" stroke-linecap="round"/>
<path d="M150 130C170 180 200 210 240 230M90 110C110 70 150 50 200 50" stroke="#4a3322" stroke-width="7" fill="none" stroke-linecap="round"/>
${[[60, 100, 20, 1.1], [140, 130, -30, 1], [150, 125, 40, 1.2], [230, 190, 10, 1.1], [260, 210, 70, 1], [320, 255, 30, 0.9], [200, 55, -20, 0.9], [240, 230, 60, 1], [100, 110, 80, 0.9]].map(([x, y, r, s]) => leaf(x, y, r, s)).join('')}
${cluster(120, 150)}${cluster(210, 170)}${cluster(300, 230)}${cluster(180, 70)}${cluster(60, 120)}${cluster(250, 240)}
<g fill="#fff1c1">${[[900, 560], [960, 110], [520, 110], [1010, 420], [420, 200]].map(([x, y], i) => `<circle cx="${x}" cy="${y}" r="${i % 2 ? 3 : 4}"/>`).join('')}</g>
</svg>`;

export const stars = `<svg xmlns="http://www.w3.org/2000/svg" width="220" height="220" viewBox="0 0 220 220">
<g fill="#fff1c1"><circle cx="30" cy="40" r="1.6" opacity=".6"/><circle cx="150" cy="20" r="1.2" opacity=".5"/><circle cx="190" cy="130" r="1.8" opacity=".55"/><circle cx="80" cy="170" r="1.2" opacity=".45"/><circle cx="120" cy="95" r="1" opacity=".4"/></g></svg>`;
