// The six built-in templates, drawn from colours and shapes: no image to load. They are
// in the validated shape already (a test checks that validation keeps them as they are),
// so a page that uses only these never loads the validation code.
import type { Shape, Template } from './card.js';

type Tuple = [type: Shape['type'], x: number, y: number, size: number, color: string];

const make = (
  id: string,
  en: string,
  zh: string,
  colors: string[],
  color: string,
  shapes: Tuple[],
  wishesEn: string[],
  wishesZh: string[],
): Template => ({
  id,
  name: { en, 'zh-CN': zh },
  background: { colors },
  text: { x: 90, y: 720, w: 900, h: 460, color, font: 'serif', weight: 700, align: 'center', min: 28, max: 110 },
  photo: { x: 140, y: 120, w: 800, h: 560 },
  wishes: { en: wishesEn, 'zh-CN': wishesZh },
  shapes: shapes.map(([type, x, y, size, color]) => ({ type, x, y, size, color })),
});

export const BUILTINS: Template[] = [
  make(
    'birthday',
    'Birthday',
    '生日',
    ['#ffe3ec', '#ffc58f'],
    '#7a1f3d',
    [
      ['circle', 80, 160, 70, '#ff6b8b'],
      ['circle', 1000, 120, 60, '#6bc4ff'],
      ['circle', 990, 1060, 80, '#ffd166'],
      ['star', 90, 1100, 40, '#ff9f1c'],
    ],
    ['Happy birthday! May all your wishes come true.', 'Wishing you cake, laughter and your best year yet.'],
    ['生日快乐！愿你心想事成，岁岁欢喜。', '又长大一岁，愿你越来越好，天天开心！'],
  ),
  make(
    'thanks',
    'Thank you',
    '感谢',
    ['#e6f7f4', '#b8e0d2'],
    '#1e4d43',
    [
      ['heart', 110, 1120, 60, '#f28c8c'],
      ['heart', 980, 110, 44, '#f28c8c'],
      ['ring', 960, 1100, 90, '#7fb8a8'],
    ],
    ['Thank you so much. It meant the world to me.', "I couldn't have done it without you."],
    ['谢谢你一直都在。', '真心感谢你的帮助，心里暖暖的。'],
  ),
  make(
    'love',
    'Love',
    '告白',
    ['#ff6f91', '#c33764'],
    '#ffffff',
    [
      ['heart', 90, 110, 70, '#ffd1dc'],
      ['heart', 1000, 1120, 90, '#ffd1dc'],
      ['heart', 990, 700, 36, '#ffffff'],
    ],
    ['You make every day brighter.', 'I love you more than words can say.'],
    ['遇见你，是最美好的事。', '想和你一起，把日子过成诗。'],
  ),
  make(
    'spring-festival',
    'Spring Festival',
    '春节',
    ['#d7261e', '#7f0a0a'],
    '#ffd86b',
    [
      ['circle', 90, 90, 70, '#f7b733'],
      ['circle', 990, 90, 70, '#f7b733'],
      ['ring', 540, 1150, 50, '#ffd86b'],
      ['star', 100, 1120, 30, '#ffd86b'],
      ['star', 980, 1120, 30, '#ffd86b'],
    ],
    ['Happy Chinese New Year! Wishing you health, luck and joy.', 'May the new year bring you peace and prosperity.'],
    ['新春快乐！万事如意，阖家幸福！', '愿新的一年，平安喜乐，心想事成。'],
  ),
  make(
    'mid-autumn',
    'Mid-Autumn',
    '中秋',
    ['#14213d', '#3a4f8a'],
    '#fff4c2',
    [
      ['circle', 930, 170, 120, '#fff4c2'],
      ['star', 120, 140, 24, '#fff4c2'],
      ['star', 260, 90, 16, '#fff4c2'],
      ['star', 110, 1100, 20, '#fff4c2'],
    ],
    ['Happy Mid-Autumn Festival! May the full moon bring you and your loved ones together.', 'Wishing you a bright moon and a happy reunion.'],
    ['中秋快乐！月圆人团圆。', '但愿人长久，千里共婵娟。'],
  ),
  make(
    'christmas',
    'Christmas',
    '圣诞',
    ['#0f5132', '#1c7c4a'],
    '#ffffff',
    [
      ['star', 540, 70, 40, '#ffd86b'],
      ['circle', 90, 1100, 50, '#e63946'],
      ['circle', 990, 1110, 50, '#e63946'],
      ['star', 100, 140, 24, '#ffffff'],
      ['star', 980, 150, 24, '#ffffff'],
    ],
    ['Merry Christmas and a happy new year!', 'Wishing you a season full of warmth and joy.'],
    ['圣诞快乐！愿你被温暖和幸福包围。', '圣诞快乐，新年也要闪闪发光！'],
  ),
];
