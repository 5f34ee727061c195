// The saved image's name, so a fan who saves three cards finds three files they can tell
// apart: the design and the day, in the fan's language.
import type { Template } from './card.js';

// Characters Windows, macOS or Android refuse in a file name, and control characters.
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

const day = (d: Date) => [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, '0')).join('-');

/**
 * `birthday-card-2026-12-01.jpg`; in Chinese `生日贺卡-2026-12-01.jpg`. The date is the
 * fan's own (local), since that is the day they will look for.
 */
export function cardFileName(t: Template, locale: string, date: Date, extension: string): string {
  const zh = locale === 'zh-CN' && t.name['zh-CN'].replace(UNSAFE, '').trim().slice(0, 40);
  return `${zh ? `${zh}贺卡` : `${t.id}-card`}-${day(date)}.${extension}`;
}
