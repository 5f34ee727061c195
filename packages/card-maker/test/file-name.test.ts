import { describe, expect, it } from 'vitest';
import { cardFileName } from '../src/logic/file-name.js';
import { BUILTINS } from '../src/logic/builtins.js';
import type { Template } from '../src/logic/card.js';

const [birthday] = BUILTINS;
const spring = BUILTINS.find((t) => t.id === 'spring-festival')!;
const named = (zh: string): Template => ({ ...birthday, id: 'shop', name: { en: 'Shop', 'zh-CN': zh } });
const dec1 = new Date(2026, 11, 1, 23, 59);

describe('cardFileName', () => {
  it.each<[string, Template, string, string, string]>([
    ['English: the design id and the day', birthday, 'en', 'jpg', 'birthday-card-2026-12-01.jpg'],
    ['a dashed id and another format', spring, 'en', 'png', 'spring-festival-card-2026-12-01.png'],
    ['Chinese: the design name and 贺卡', birthday, 'zh-CN', 'jpg', '生日贺卡-2026-12-01.jpg'],
    ['Chinese, a festival', spring, 'zh-CN', 'webp', '春节贺卡-2026-12-01.webp'],
    ['a brand name with characters no file system takes', named('花/店:春?'), 'zh-CN', 'jpg', '花店春贺卡-2026-12-01.jpg'],
    ['a name of nothing but such characters falls back to the id', named('<>|'), 'zh-CN', 'jpg', 'shop-card-2026-12-01.jpg'],
  ])('%s', (_n, t, locale, ext, name) => {
    expect(cardFileName(t, locale, dec1, ext)).toBe(name);
  });

  it('uses the local day, with two-digit month and day', () => {
    expect(cardFileName(birthday, 'en', new Date(2027, 0, 5, 0, 1), 'jpg')).toBe('birthday-card-2027-01-05.jpg');
  });
});
