// Birthday: a two-tier cake on a cake stand, balloons either side, bunting over the top.
// Palette: cream, berry, coral, butter, teal. Drawn for Fanfare; card pixels.
export const cake = `<svg xmlns="http://www.w3.org/2000/svg" width="1080" height="660" viewBox="0 0 1080 660">
<defs><linearGradient id="b" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#ffd3c4"/><stop offset="1" stop-color="#ffc3b0" stop-opacity="0"/></linearGradient></defs>
<path d="M160 640C150 420 300 250 540 250S930 420 920 640Z" fill="url(#b)"/>
<g stroke="#b8325a" stroke-width="3" fill="none" opacity=".55">
<path d="M200 410C215 480 180 540 205 640"/><path d="M300 330C320 420 280 520 300 640"/><path d="M860 390C840 470 880 550 860 640"/><path d="M770 300C750 400 790 520 770 640"/></g>
<g><ellipse cx="200" cy="330" rx="66" ry="80" fill="#ff7a59"/><path d="M190 408h20l-10 14z" fill="#e5603f"/><ellipse cx="178" cy="300" rx="14" ry="24" fill="#fff" opacity=".45"/>
<ellipse cx="300" cy="240" rx="74" ry="90" fill="#2a9d8f"/><path d="M289 328h22l-11 15z" fill="#1f8174"/><ellipse cx="274" cy="205" rx="15" ry="27" fill="#fff" opacity=".4"/>
<ellipse cx="860" cy="310" rx="70" ry="84" fill="#ffcf5c"/><path d="M850 392h20l-10 14z" fill="#f0b73a"/><ellipse cx="836" cy="278" rx="14" ry="25" fill="#fff" opacity=".5"/>
<ellipse cx="770" cy="215" rx="72" ry="88" fill="#b8325a"/><path d="M759 301h22l-11 15z" fill="#9c2549"/><ellipse cx="745" cy="182" rx="15" ry="26" fill="#fff" opacity=".35"/></g>
<ellipse cx="540" cy="622" rx="250" ry="22" fill="#5b1a33" opacity=".12"/>
<path d="M330 590h420l-30 22H360z" fill="#e9d8c9"/><rect x="520" y="606" width="40" height="20" fill="#d9c3b0"/>
<rect x="360" y="470" width="360" height="122" rx="14" fill="#b8325a"/>
<path d="M360 486c0-9 7-16 16-16h328c9 0 16 7 16 16v18c-18 0-18 30-36 30s-18-30-36-30-18 38-36 38-18-38-36-38-18 26-36 26-18-26-36-26-18 34-36 34-18-34-36-34-18 28-36 28-18-28-36-28z" fill="#fff6ec"/>
<g fill="#ffcf5c"><circle cx="410" cy="560" r="7"/><circle cx="480" cy="572" r="7"/><circle cx="560" cy="560" r="7"/><circle cx="640" cy="572" r="7"/><circle cx="690" cy="556" r="7"/></g>
<rect x="410" y="370" width="260" height="104" rx="12" fill="#ff7a59"/>
<path d="M410 384c0-8 6-14 14-14h232c8 0 14 6 14 14v14c-14 0-14 24-29 24s-14-24-29-24-15 30-29 30-15-30-29-30-15 20-29 20-15-20-29-20-15 28-29 28-15-28-29-28-15 22-29 22-14-22-29-22z" fill="#fff6ec"/>
<g fill="#fff6ec" opacity=".9"><rect x="436" y="440" width="24" height="8" rx="4"/><rect x="500" y="452" width="24" height="8" rx="4"/><rect x="560" y="440" width="24" height="8" rx="4"/><rect x="620" y="452" width="24" height="8" rx="4"/></g>
<g><rect x="468" y="300" width="16" height="72" rx="4" fill="#2a9d8f"/><rect x="532" y="286" width="16" height="86" rx="4" fill="#ffcf5c"/><rect x="596" y="300" width="16" height="72" rx="4" fill="#2a9d8f"/>
<g fill="#fff" opacity=".55"><rect x="468" y="316" width="16" height="6"/><rect x="468" y="340" width="16" height="6"/><rect x="532" y="304" width="16" height="6"/><rect x="532" y="330" width="16" height="6"/><rect x="596" y="316" width="16" height="6"/><rect x="596" y="340" width="16" height="6"/></g>
<g fill="#ff9a3c"><path d="M476 262c12 14 14 26 0 36-14-10-12-22 0-36z"/><path d="M540 246c12 14 14 26 0 36-14-10-12-22 0-36z"/><path d="M604 262c12 14 14 26 0 36-14-10-12-22 0-36z"/></g>
<g fill="#ffe69a"><path d="M476 276c5 7 6 13 0 18-6-5-5-11 0-18z"/><path d="M540 260c5 7 6 13 0 18-6-5-5-11 0-18z"/><path d="M604 276c5 7 6 13 0 18-6-5-5-11 0-18z"/></g></g>
<g fill="#ffcf5c"><path d="M120 520l8 18 18 8-18 8-8 18-8-18-18-8 18-8z"/><path d="M960 470l6 14 14 6-14 6-6 14-6-14-14-6 14-6z"/></g>
<g fill="#2a9d8f"><path d="M440 200l6 14 14 6-14 6-6 14-6-14-14-6 14-6z"/></g>
</svg>`;

export const bunting = `<svg xmlns="http://www.w3.org/2000/svg" width="1080" height="160" viewBox="0 0 1080 160">
<path d="M-10 30Q270 120 540 60T1090 40" fill="none" stroke="#5b1a33" stroke-width="3" opacity=".6"/>
<g stroke="#fff6ec" stroke-width="3" stroke-linejoin="round">
<path d="M30 40l70 24-20 62z" fill="#ff7a59"/><path d="M130 72l72 18-28 60z" fill="#ffcf5c"/><path d="M236 96l74 6-40 58z" fill="#2a9d8f"/>
<path d="M344 102l74-6-34 60z" fill="#b8325a"/><path d="M452 86l72-14-26 62z" fill="#ff7a59"/><path d="M560 60l72-6-34 60z" fill="#ffcf5c"/>
<path d="M668 50l74-4-36 60z" fill="#2a9d8f"/><path d="M778 44l74 0-38 60z" fill="#b8325a"/><path d="M888 42l74 0-38 60z" fill="#ff7a59"/><path d="M996 40l74 2-40 60z" fill="#ffcf5c"/></g>
</svg>`;

export const confetti = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 240 240">
<g opacity=".55"><rect x="30" y="40" width="14" height="6" rx="3" fill="#ff7a59" transform="rotate(30 37 43)"/><circle cx="150" cy="30" r="5" fill="#2a9d8f"/>
<rect x="190" y="120" width="14" height="6" rx="3" fill="#ffcf5c" transform="rotate(-40 197 123)"/><circle cx="90" cy="150" r="4" fill="#b8325a"/>
<rect x="60" y="210" width="12" height="6" rx="3" fill="#2a9d8f" transform="rotate(70 66 213)"/><circle cx="210" cy="215" r="4" fill="#ff7a59"/><path d="M120 90l4 8 8 4-8 4-4 8-4-8-8-4 8-4z" fill="#ffcf5c"/></g>
</svg>`;
