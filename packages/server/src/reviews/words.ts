// The words that hold a review for a moderator (never drop it: a flagged review waits in the
// queue like any other). A brand adds its own in the config (`reviews.words`).
//
// Chinese filters are known for blocking ordinary words because they match single
// characters inside longer ones (乳 in 乳液, lotion). So: a Chinese word is matched only as
// an exact run of at least two characters (the config refuses a one-character word), and
// a Latin word only as a whole word ("ass" does not match "glass" or "class"). Runs that
// are ordinary inside longer words stay off the built-in list: 妈的 is in 妈妈的礼物, 去死
// in 去死皮 (exfoliating).

/** Built in: abuse and the spam that follows reviews around (contact details, paid-review offers, gambling). */
export const BUILTIN_WORDS: readonly string[] = [
  'fuck', 'fucking', 'shit', 'bitch', 'cunt', 'asshole', 'porn', 'viagra', 'casino', 'escort',
  'whatsapp', 'telegram', 'cashback',
  '傻逼', '煞笔', '操你', '草泥马', '色情', '约炮', '赌博', '博彩', '六合彩',
  '加微信', '加我微信', '微信号', '加V', '私聊', '刷单', '好评返现', '返现', '代开发票', '贷款',
];

const HAN = /\p{Script=Han}/u;

export interface WordList {
  /** The listed words found in `text`, as listed, in list order. */
  find(text: string): string[];
}

/** Case, full-width letters and compatibility forms folded, so "ＦＵＣＫ" and "Fuck" are "fuck". */
function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function wordList(words: readonly string[]): WordList {
  const unique = [...new Set(words.map((w) => w.trim()).filter(Boolean))];
  const han: { word: string; folded: string }[] = [];
  const latin: { word: string; re: RegExp }[] = [];
  for (const word of unique) {
    const folded = fold(word);
    if (HAN.test(folded)) {
      // One character would match inside ordinary words; the config refuses it too.
      if (Array.from(folded).length >= 2) han.push({ word, folded });
    } else {
      latin.push({ word, re: new RegExp(`(?<![\\p{L}\\p{N}])${escape(folded)}(?![\\p{L}\\p{N}])`, 'u') });
    }
  }
  return {
    find(text) {
      const t = fold(text);
      // Spaces and punctuation between Han characters are a common way round a filter (加 微 信).
      const squeezed = t.replace(/[\s\p{P}\p{S}]+/gu, '');
      const found: string[] = [];
      for (const { word, folded } of han) if (squeezed.includes(folded.replace(/[\s\p{P}\p{S}]+/gu, ''))) found.push(word);
      for (const { word, re } of latin) if (re.test(t)) found.push(word);
      return found;
    },
  };
}

// A link in a review is how spam arrives; a shop's own reviews have no use for one.
const LINK = /(?:https?:\/\/|www\.|(?<![\p{L}\p{N}@])[a-z0-9-]+\.(?:com|net|org|cn|io|co|me|info|biz|top|xyz|shop|site|online|app|link|ly|ru|vip|cc|tk)(?![\p{L}\p{N}]))/iu;

export function hasLink(text: string): boolean {
  return LINK.test(text.normalize('NFKC'));
}
