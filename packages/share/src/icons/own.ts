// Glyphs of our own, for what no brand-icon set covers: simple-icons 16 has no LinkedIn,
// and copy, email and the system share sheet are actions rather than brands. The line
// glyphs (drawn with a stroke) are tiny, so they ship in the element's own chunk.

export const linkedinColors: [string, string] = ['#0a66c2', '#fff'];
export const neutral: [string, string] = ['#3d4752', '#fff'];

export const lines = {
  email: 'M3.5 5.5h17v13h-17ZM4 6.5l8 6.5 8-6.5',
  copy: 'M10 14a4.5 4.5 0 0 0 6.4 0l3-3a4.5 4.5 0 0 0-6.4-6.4l-1.2 1.2M14 10a4.5 4.5 0 0 0-6.4 0l-3 3a4.5 4.5 0 0 0 6.4 6.4l1.2-1.2',
  native: 'M12 3.5v11M7.8 7.7 12 3.5l4.2 4.2M5.5 11.5V19a1.5 1.5 0 0 0 1.5 1.5h10a1.5 1.5 0 0 0 1.5-1.5v-7.5',
  check: 'M5 12.5 9.5 17 19 7.5',
};
