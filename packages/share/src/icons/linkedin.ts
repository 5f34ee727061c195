// Our own LinkedIn glyph ("in") and LinkedIn's blue: simple-icons 16 does not ship one.
export const d =
  'M3.6 5.6a2 2 0 1 0 4 0 2 2 0 1 0-4 0ZM3.9 9h3.4v11.5H3.9ZM9.5 9h3.3v1.6c.6-1.1 2-1.9 3.8-1.9 3.4 0 4.4 2.1 4.4 5.2v6.6h-3.5v-5.9c0-1.5-.4-2.7-1.9-2.7s-2.2 1.2-2.2 2.7v5.9H9.5Z';
export const bg = '#0a66c2';
export const fg = '#fff';
