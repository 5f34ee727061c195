import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanPhoto } from '../src/reviews/photos.js';
import { cleanText, maskName } from '../src/reviews/service.js';
import { wordList, BUILTIN_WORDS, hasLink } from '../src/reviews/words.js';
import { gpsJpeg } from './fixtures/reviews/images.js';
import { reviewSuite } from './reviews-suite.js';

// Buyer shows with photos in a folder and reviews in SQLite, the default (reviews-postgres.test.ts
// runs the same suite with both in PostgreSQL), and the rules that need no server.

reviewSuite('disk', async () => {
  const media = mkdtempSync(join(tmpdir(), 'fanfare-media-'));
  const names = async () => readdirSync(media).sort();
  return {
    config: { media },
    names,
    bytes: async (name) => readFileSync(join(media, name)),
    done: async () => rmSync(media, { recursive: true, force: true }),
  };
});

describe('words and links', () => {
  const list = wordList([...BUILTIN_WORDS, '竞品']);
  it('does not flag ordinary product words', () => {
    for (const text of ['质量很好', '对皮肤很温和', '乳液很好吸收', '给妈妈的生日礼物', '去死皮效果不错', 'The glass is classy', 'Assembled in minutes', 'Scunthorpe delivery']) {
      expect(list.find(text), text).toEqual([]);
    }
    expect(hasLink('质量很好，5.0 分，包装 1.5kg')).toBe(false);
  });
  it('flags listed words, however they are spaced or cased', () => {
    expect(list.find('加 微 信 有优惠')).toEqual(['加微信']);
    expect(list.find('ＦＵＣＫ this')).toEqual(['fuck']);
    expect(list.find('比竞品好')).toEqual(['竞品']);
    expect(hasLink('see https://x.example')).toBe(true);
    expect(hasLink('deals at cheap-vases.shop now')).toBe(true);
  });
  it('keeps what a fan typed but control characters and direction overrides', () => {
    expect(cleanText(' Line one\r\nline two\u0000\u202e\u200b ')).toBe('Line one\nline two');
    // A family emoji is four people joined by U+200D: it stays one emoji.
    expect(cleanText('Gift for 👨\u200d👩\u200d👧')).toBe('Gift for 👨\u200d👩\u200d👧');
  });

  it('masks names so that the carousel, masking again, shows the same', () => {
    // One rule (@fanfare/core/mask) for the feed, the carousel and the form's preview.
    for (const name of ['Lisa Wong', 'Sam', '王小明', '王明', ' ', '', 'Émile Zola', '🙂 Joy', 'きむら たくや']) {
      expect(maskName(maskName(name)), name).toBe(maskName(name));
    }
    expect(maskName('王小明')).toBe('王**明');
  });
});

describe('measurements', () => {
  it('prints the re-encode time and memory of a 12 MP photo', async () => {
    const photo = await gpsJpeg(4000, 3000, true);
    global.gc?.();
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const out = await cleanPhoto(photo);
      times.push(performance.now() - t0);
      if (typeof out === 'string') throw new Error(out);
      expect(Math.max(out.width, out.height)).toBe(2048);
    }
    clearInterval(timer);
    console.log(
      `server re-encode of a 12 MP JPEG (${(photo.length / 1e6).toFixed(1)} MB) to 2048 px: ${times.map((t) => t.toFixed(0)).join(' / ')} ms; RSS rose at most ${((peak - rss0) / 1e6).toFixed(0)} MB`,
    );
  }, 60_000);
});
