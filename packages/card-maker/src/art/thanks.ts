// Thank you: a loose garden bouquet of eucalyptus, olive sprigs and terracotta blooms,
// tied with a ribbon, on warm paper. Palette: paper, sage, deep green, terracotta, mustard.
const leaf = (x: number, y: number, r: number, s = 1, fill = '#8fae92') =>
  `<path transform="translate(${x} ${y}) rotate(${r}) scale(${s})" d="M0 0C14-18 40-20 58 0 40 20 14 18 0 0Z" fill="${fill}"/>`;
const bloom = (x: number, y: number, s: number, c: string, d: string) =>
  `<g transform="translate(${x} ${y}) scale(${s})">${[0, 72, 144, 216, 288].map((r) => `<ellipse rx="18" ry="30" cy="-24" transform="rotate(${r})" fill="${c}"/>`).join('')}<circle r="14" fill="${d}"/><circle r="6" fill="#f4d58d"/></g>`;

export const bouquet = `<svg xmlns="http://www.w3.org/2000/svg" width="1080" height="660" viewBox="0 0 1080 660">
<ellipse cx="540" cy="360" rx="330" ry="270" fill="#e8dfcb"/>
<g fill="none" stroke="#5f7f63" stroke-width="6" stroke-linecap="round">
<path d="M540 600C520 470 430 360 300 280"/><path d="M540 600C540 450 520 320 470 190"/><path d="M540 600C560 450 610 320 690 200"/><path d="M540 600C580 480 680 380 800 320"/><path d="M540 600C500 500 380 450 260 440"/><path d="M540 600C600 520 730 480 840 470"/></g>
${[
  [300, 280, 200, 1.3], [340, 300, 150, 1.1], [380, 330, 220, 1.2], [260, 440, 170, 1.1], [320, 450, 200, 1], [470, 190, 250, 1.2], [480, 250, 200, 1], [500, 320, 280, 1.1],
  [690, 200, -60, 1.2], [660, 260, 10, 1.1], [630, 330, -80, 1], [800, 320, -20, 1.3], [740, 350, -100, 1.1], [840, 470, 10, 1.1], [760, 480, -30, 1],
  // along the stems, so the bouquet reads as one bunch, not flowers on wires
  [470, 470, 200, 0.9], [430, 420, 170, 0.8], [505, 420, 240, 0.8], [600, 470, -20, 0.9], [640, 420, -40, 0.8], [575, 420, -70, 0.8], [390, 470, 160, 0.9], [700, 500, 0, 0.9],
].map(([x, y, r, s]) => leaf(x, y, r, s)).join('')}
${[[410, 270, 230], [700, 390, -40], [600, 250, -70], [420, 420, 190]].map(([x, y, r]) => leaf(x, y, r, 1.2, '#5f7f63')).join('')}
<g fill="#d9a441">${[[560, 180], [585, 165], [575, 200], [360, 380], [380, 360], [720, 290], [742, 305], [705, 315]].map(([x, y]) => `<circle cx="${x}" cy="${y}" r="10"/>`).join('')}</g>
${bloom(480, 240, 0.8, '#f0c2a8', '#c8664a')}${bloom(610, 300, 0.85, '#f0c2a8', '#c8664a')}${bloom(540, 330, 1.5, '#c8664a', '#8f3f2b')}${bloom(430, 360, 1.1, '#e59a7b', '#c8664a')}${bloom(650, 350, 1.15, '#e59a7b', '#c8664a')}${bloom(560, 440, 0.9, '#f0c2a8', '#c8664a')}
<path d="M505 560C470 600 450 630 420 650M575 560C610 600 630 630 660 650" stroke="#c8664a" stroke-width="8" fill="none" stroke-linecap="round"/>
<path d="M540 560C500 520 470 540 480 565 490 590 520 575 540 560 560 575 590 590 600 565 610 540 580 520 540 560Z" fill="#c8664a"/><circle cx="540" cy="560" r="12" fill="#8f3f2b"/>
</svg>`;

/** Warm paper: fibres from a noise filter, drawn once as a tile. */
export const paper = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300" viewBox="0 0 300 300">
<filter id="n"><feTurbulence type="fractalNoise" baseFrequency=".9" numOctaves="3" stitchTiles="stitch"/><feColorMatrix values="0 0 0 0 .45 0 0 0 0 .38 0 0 0 0 .28 0 0 0 .5 0"/></filter>
<rect width="300" height="300" filter="url(#n)"/></svg>`;
