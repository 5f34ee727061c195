// The name as the carousel will show it, so the fan sees it before sending.
//
// The same rule as @fanfare/buyer-show's maskName (src/logic/reviews.ts), which that
// package does not export on a path of its own: importing its entry would define and
// ship the whole carousel. test/mask.test.ts holds the two to the same answers.

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** `Lisa Wong` → `L. W.`, `Sam` → `S.`, `王小明` → `王**明`, `王明` → `王*`, '' → ''. */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/);
  const chars = Array.from(words.join(' '));
  const first = chars[0];
  if (!first) return '';
  if (!CJK.test(first)) return words.length > 1 ? `${first}. ${Array.from(words.at(-1)!)[0]}.` : `${first}.`;
  return chars.length > 2 ? `${first}**${chars.at(-1)}` : `${first}*`;
}
