// Christmas: a wreath of layered fir and holly with red berries and a ribbon bow,
// hung on a ribbon from the top; a little snow-dusted tree with a gold star inside.
// Palette: pine, fir, holly, berry red, gold, snow.
const needle = (a: number, r: number, cx: number, cy: number, c: string, s: number) => {
  const x = cx + r * Math.cos(a);
  const y = cy + r * Math.sin(a);
  return `<path transform="translate(${x.toFixed(1)} ${y.toFixed(1)}) rotate(${((a * 180) / Math.PI + 90 + (s % 2 ? 25 : -25)).toFixed(0)}) scale(${(0.9 + (s % 3) * 0.15).toFixed(2)})" d="M0-38C10-22 10 22 0 38-10 22-10-22 0-38Z" fill="${c}"/>`;
};
const ring = (cx: number, cy: number, r: number) => {
  let out = '';
  for (let i = 0; i < 72; i++) out += needle((i / 72) * Math.PI * 2, r + ((i % 3) - 1) * 18, cx, cy, ['#1f6b4a', '#2d8a5f', '#174f37'][i % 3], i);
  for (let i = 0; i < 48; i++) out += needle((i / 48) * Math.PI * 2 + 0.1, r + ((i % 2) * 2 - 1) * 8, cx, cy, '#3fa072', i + 1);
  return out;
};
const berries = (cx: number, cy: number, r: number) =>
  [0.3, 1.2, 2.0, 2.7, 3.6, 4.3, 5.2, 5.9]
    .map((a) => `<g fill="#d62839"><circle cx="${(cx + r * Math.cos(a)).toFixed(0)}" cy="${(cy + r * Math.sin(a)).toFixed(0)}" r="13"/><circle cx="${(cx + r * Math.cos(a) + 18).toFixed(0)}" cy="${(cy + r * Math.sin(a) + 8).toFixed(0)}" r="11"/></g>`)
    .join('');

export const wreath = `<svg xmlns="http://www.w3.org/2000/svg" width="1080" height="700" viewBox="0 0 1080 700">
<path d="M540 0V130" stroke="#c7323b" stroke-width="14"/>
${ring(540, 370, 250)}
${berries(540, 370, 262)}
<g transform="translate(540 128)"><path d="M0 0C-40-50-110-50-110 0-110 40-40 30 0 0Z" fill="#c7323b"/><path d="M0 0C40-50 110-50 110 0 110 40 40 30 0 0Z" fill="#c7323b"/>
<path d="M-6 6L-54 80-28 72-18 96 4 10ZM6 6L54 80 28 72 18 96-4 10Z" fill="#a3232c"/><circle r="20" fill="#e9b949"/></g>
</svg>`;

export const tree = `<svg xmlns="http://www.w3.org/2000/svg" width="1080" height="700" viewBox="0 0 1080 700">
<g transform="translate(540 380) scale(.82) translate(-540 -400)">
<path d="M400 556C430 536 470 540 500 548 530 536 580 534 620 546 650 540 680 546 690 556Z" fill="#f7f4ee" opacity=".9"/>
<rect x="526" y="500" width="28" height="50" fill="#6b4226"/>
<path d="M540 250L640 400H600L680 510H400L480 400H440Z" fill="#2d8a5f"/>
<path d="M540 250L600 340 560 330 540 360 520 330 480 340Z" fill="#f7f4ee" opacity=".85"/>
<path d="M470 420C520 440 580 440 620 410M440 490C510 510 590 510 660 480" stroke="#e9b949" stroke-width="5" fill="none"/>
<g fill="#d62839"><circle cx="500" cy="455" r="10"/><circle cx="590" cy="440" r="10"/><circle cx="560" cy="490" r="10"/></g>
<path d="M540 212L550 236 576 238 556 254 563 280 540 266 517 280 524 254 504 238 530 236Z" fill="#e9b949"/>
</g>
</svg>`;

export const snow = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" viewBox="0 0 200 200">
<g fill="#f7f4ee"><circle cx="20" cy="30" r="3" opacity=".35"/><circle cx="120" cy="60" r="2" opacity=".3"/><circle cx="170" cy="150" r="3.5" opacity=".3"/><circle cx="70" cy="130" r="2" opacity=".25"/><circle cx="100" cy="190" r="2.5" opacity=".3"/></g></svg>`;
