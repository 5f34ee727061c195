// Spring Festival: two red lanterns with gold caps and tassels hanging from a gold
// beam, auspicious clouds (祥云) below, plum blossom on a branch. Palette: festive red,
// deep red, gold, pale gold, plum pink.
const lantern = (x: number, y: number, s: number, line: number) => `<g transform="translate(${x} ${y}) scale(${s})">
<path d="M0 ${-line}V-96" stroke="#f5c451" stroke-width="4"/>
<rect x="-34" y="-104" width="68" height="20" rx="4" fill="#f5c451"/>
<ellipse rx="120" ry="96" fill="#e8312f"/>
<path d="M-60-84C-86-40-86 40-60 84M60-84C86-40 86 40 60 84M0-96V96" stroke="#b3121f" stroke-width="6" fill="none"/>
<path d="M-28-94C-40-40-40 40-28 94M28-94C40-40 40 40 28 94" stroke="#b3121f" stroke-width="4" fill="none" opacity=".7"/>
<ellipse rx="120" ry="96" fill="none" stroke="#ff6a55" stroke-width="4" opacity=".5"/>
<rect x="-34" y="84" width="68" height="20" rx="4" fill="#f5c451"/>
<path d="M-20 104H20L14 176H-14Z" fill="#f5c451"/><path d="M-8 110V180M0 110V186M8 110V180" stroke="#d99a2b" stroke-width="3"/>
<ellipse cx="-58" cy="-34" rx="18" ry="30" fill="#ff8a70" opacity=".5"/></g>`;
const cloud = (x: number, y: number, s: number, c: string) =>
  `<path transform="translate(${x} ${y}) scale(${s})" d="M0 0C-6-30 30-44 48-24 58-52 104-50 110-18 140-28 160 6 136 22H-10C-30 22-30 2 0 0ZM24 4C24-10 44-12 48 0M82-6C86-22 106-20 108-6" fill="${c}" stroke="#f5c451" stroke-width="5" stroke-linejoin="round"/>`;
const plum = (x: number, y: number, s: number) =>
  `<g transform="translate(${x} ${y}) scale(${s})">${[0, 72, 144, 216, 288].map((r) => `<circle cy="-13" r="12" transform="rotate(${r})" fill="#ffb7c5"/>`).join('')}<circle r="7" fill="#f5c451"/></g>`;

export const lanterns = `<svg xmlns="http://www.w3.org/2000/svg" width="1080" height="700" viewBox="0 0 1080 700">
<rect x="0" y="34" width="1080" height="14" fill="#f5c451"/><rect x="0" y="54" width="1080" height="4" fill="#f5c451" opacity=".6"/>
${lantern(210, 300, 1.15, 250)}${lantern(420, 240, 0.82, 240)}
<path d="M640 700C720 660 800 620 900 610S1040 570 1090 540" stroke="#5a0712" stroke-width="12" fill="none" stroke-linecap="round"/>
<path d="M860 614C880 590 910 574 950 566" stroke="#5a0712" stroke-width="8" fill="none" stroke-linecap="round"/>
${plum(740, 664, 1.3)}${plum(830, 626, 1)}${plum(950, 566, 1.2)}${plum(1000, 590, 0.9)}${plum(1050, 550, 1.1)}${plum(900, 612, 0.7)}
${cloud(40, 640, 1.4, '#b3121f')}${cloud(330, 660, 1, '#c8102e')}
</svg>`;

/** 回纹, the key fret, as a faint gold lattice. */
export const fret = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120">
<path d="M10 10H70V70H30V30H50V50" fill="none" stroke="#f5c451" stroke-width="5" opacity=".09"/><path d="M70 70H110V110M10 110H50" fill="none" stroke="#f5c451" stroke-width="5" opacity=".09"/></svg>`;
