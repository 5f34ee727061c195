// How a buyer's name is shown: one rule for the carousel that shows it, the review form
// that previews it and the server that publishes it in a feed. Pure: the server imports it.

// Han, Hiragana, Katakana and Hangul: the shop convention for these names (王**明) is
// familiar to their readers, who know the two stars as a fixed mask.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Mask a buyer's name the way shop reviews do, so that what is shown never pretends to
 * be the name's length. Names in Han, kana or Hangul keep their first and last character
 * around two stars (王**明; two characters: 王*). Other names become initials, first and
 * last word: "Sam" is "S.", "Lisa Wong" is "L. W.". Stars in a Latin name ("S***m") read
 * as five letters, and an initial does not. Characters, not UTF-16 units, so an emoji or
 * a rare Han character is never cut in half. Masking a masked name changes nothing.
 */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/);
  const chars = Array.from(words.join(' '));
  const first = chars[0];
  if (!first) return '';
  if (!CJK.test(first)) return words.length > 1 ? `${first}. ${Array.from(words.at(-1)!)[0]}.` : `${first}.`;
  return chars.length > 2 ? `${first}**${chars.at(-1)}` : `${first}*`;
}
