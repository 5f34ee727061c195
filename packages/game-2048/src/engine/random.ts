// The game's only source of chance. The server replays a fan's moves with this same
// file, so every detail below is part of the rules (RULES_VERSION 1): change any of
// it and old move logs no longer replay to the same board.
//
// Seeding — a seed is any string (the server sends 32 hex characters). It is hashed
// into four 32-bit words a, b, c, d. Each word starts from its own constant
// (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a) and, for every UTF-16 code unit u
// of the seed in order, becomes imul(h ^ u, M) with its own odd multiplier M
// (0x9e3779b1, 0x85ebca77, 0xc2b2ae3d, 0x27d4eb2f). Each word is then finished with
// MurmurHash3's fmix32 after xoring in the seed's length.
//
// Generator — sfc32 (Chris Doty-Humphrey's Small Fast Chaotic generator, 32-bit):
//   t = a + b + d; d = d + 1; a = b ^ (b >>> 9); b = c + (c << 3);
//   c = (c << 21 | c >>> 11) + t; output t
// all modulo 2^32. The first 12 outputs after seeding are thrown away to mix the state.
//
// Draws — a spawn takes exactly two draws, in this order:
//   1. the cell: the empty cells listed in row-major order (index = row * size + col,
//      ascending); the k-th one is taken, k = floor(draw * emptyCount / 2^32);
//   2. the value: 4 when draw >= 0.9 * 2^32 (i.e. draw / 2^32 >= 0.9), else 2.
// A new game spawns twice (two start tiles), then once after every move that changes
// the board. Nothing else draws.

/** The generator's four 32-bit words; a plain array so a game state can be saved as JSON. */
export type RngState = readonly [number, number, number, number];

const START = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a];
const MUL = [0x9e3779b1, 0x85ebca77, 0xc2b2ae3d, 0x27d4eb2f];

function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Hash a seed string into a generator state, warmed up as documented above. */
export function seedRng(seed: string): RngState {
  const h = START.slice();
  for (let i = 0; i < seed.length; i++) {
    const u = seed.charCodeAt(i);
    for (let k = 0; k < 4; k++) h[k] = Math.imul(h[k] ^ u, MUL[k]);
  }
  let s = h.map((x) => fmix32(x ^ seed.length)) as unknown as RngState;
  for (let i = 0; i < 12; i++) s = next(s)[1];
  return s;
}

/** One draw: the output (0 ≤ n < 2^32) and the state after it. */
export function next(s: RngState): [number, RngState] {
  let [a, b, c, d] = s;
  const t = (((a + b) | 0) + d) | 0;
  d = (d + 1) | 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) | 0;
  c = (((c << 21) | (c >>> 11)) + t) | 0;
  return [t >>> 0, [a >>> 0, b >>> 0, c >>> 0, d >>> 0]];
}
