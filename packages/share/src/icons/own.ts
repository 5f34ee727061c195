// Line glyphs (drawn with a stroke) of our own for copy and the system share sheet,
// which are actions rather than brands. They are tiny, so they ship in the element's
// own chunk; email's is in its network chunk.
export const lines = {
  copy: 'M10 14a4.5 4.5 0 0 0 6.4 0l3-3a4.5 4.5 0 0 0-6.4-6.4l-1.2 1.2M14 10a4.5 4.5 0 0 0-6.4 0l-3 3a4.5 4.5 0 0 0 6.4 6.4l1.2-1.2',
  native: 'M12 3.5v11M7.8 7.7 12 3.5l4.2 4.2M5.5 11.5V19a1.5 1.5 0 0 0 1.5 1.5h10a1.5 1.5 0 0 0 1.5-1.5v-7.5',
  check: 'M5 12.5 9.5 17 19 7.5',
};
