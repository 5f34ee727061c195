// Love: an open envelope with a letter rising out of it and a heart sealed on the
// letter, gold sparkles around. Palette: wine, rose, blush, cream, gold.
const spark = (x: number, y: number, s: number) => `<path transform="translate(${x} ${y}) scale(${s})" d="M0-20C3-5 5-3 20 0 5 3 3 5 0 20-3 5-5 3-20 0-5-3-3-5 0-20Z" fill="#f2c46d"/>`;

export const envelope = `<svg xmlns="http://www.w3.org/2000/svg" width="1080" height="660" viewBox="0 0 1080 660">
<defs><radialGradient id="g" cx=".5" cy=".45" r=".5"><stop offset="0" stop-color="#ff8fab" stop-opacity=".45"/><stop offset="1" stop-color="#ff8fab" stop-opacity="0"/></radialGradient></defs>
<circle cx="540" cy="330" r="330" fill="url(#g)"/>
<path d="M300 360L540 210 780 360V600H300Z" fill="#c2375c"/>
<rect x="360" y="140" width="360" height="330" rx="10" fill="#fff8f1"/>
<g stroke="#e8cfc4" stroke-width="6" stroke-linecap="round"><path d="M410 330h260M410 370h220M410 410h240"/></g>
<path d="M540 300C500 250 430 260 430 210 430 175 470 160 498 180 520 195 535 215 540 225 545 215 560 195 582 180 610 160 650 175 650 210 650 260 580 250 540 300Z" fill="#e23e63"/>
<path d="M470 200C470 188 480 182 490 186" stroke="#ffd6de" stroke-width="8" fill="none" stroke-linecap="round"/>
<path d="M300 360L540 510 780 360V600H300Z" fill="#ff8fab"/>
<path d="M300 600L500 470Q540 445 580 470L780 600Z" fill="#ffb3c4"/>
<path d="M300 360L540 510 780 360" fill="none" stroke="#e56b8a" stroke-width="4"/>
${spark(250, 200, 1.6)}${spark(830, 170, 2)}${spark(880, 420, 1.1)}${spark(200, 470, 1.2)}${spark(760, 100, 0.9)}${spark(330, 110, 0.8)}
<g fill="#ffd6de" opacity=".8"><circle cx="180" cy="320" r="6"/><circle cx="920" cy="300" r="7"/><circle cx="870" cy="560" r="5"/><circle cx="230" cy="580" r="6"/></g>
</svg>`;

export const hearts = `<svg xmlns="http://www.w3.org/2000/svg" width="180" height="180" viewBox="0 0 180 180">
<g fill="#ffd6de" opacity=".08"><path d="M45 60C35 48 20 50 20 62 20 74 45 86 45 86S70 74 70 62C70 50 55 48 45 60Z"/><path d="M135 150C128 141 117 143 117 151 117 160 135 168 135 168S153 160 153 151C153 143 142 141 135 150Z"/></g></svg>`;
