// The six built-in designs: each has its own illustration, drawn for Fanfare as SVG (see
// src/art/), a headline in both languages and a palette of its own. They are in the
// validated shape already (a test checks that validation keeps them as they are), so a
// page that uses only these never loads the validation code. This module and its art
// are one chunk, loaded when a card maker with no templates of its own starts.
import type { Headline, Layer, Template } from './card.js';
import * as birthday from '../art/birthday.js';
import * as thanks from '../art/thanks.js';
import * as love from '../art/love.js';
import * as spring from '../art/spring.js';
import * as moon from '../art/moon.js';
import * as christmas from '../art/christmas.js';

// Font lists: a display face on each platform, the Chinese faces after the Latin ones so
// Han characters fall through to a face made for them.
const ZH_SERIF = '"Songti SC","Noto Serif CJK SC","Source Han Serif SC","STSong","SimSun",serif';
export const ZH_KAI = '"Kaiti SC","STKaiti","KaiTi","Noto Serif CJK SC","Source Han Serif SC",serif';
const SCRIPT = `"Snell Roundhand","Segoe Script","Z003","Apple Chancery",${ZH_SERIF}`;
const SERIF = `Georgia,"P052","Palatino Linotype",${ZH_SERIF}`;

type Head = Pick<Headline, 'x' | 'y' | 'w' | 'h' | 'text' | 'color' | 'font'> & Partial<Headline>;
const head = (h: Head): Headline => ({ weight: 700, align: "center", min: 40, max: 140, leading: 1.1, vertical: false, ...h }) as Headline;
const layer = (svg: string, x: number, y: number, w: number, h: number, more: Partial<Layer> = {}): Layer => ({ svg, x, y, w, h, opacity: 1, blend: 'normal', place: 'under', ...more });
const tile = (svg: string, size: number, opacity = 1, blend: Layer['blend'] = 'normal') => ({ svg, size, opacity, blend });
const text = (color: string, font = SERIF, more: Partial<Template['text']> = {}): Template['text'] => ({ x: 120, y: 860, w: 840, h: 330, color, font, weight: 500, align: 'center', min: 30, max: 64, ...more });

export const BUILTINS: Template[] = [
  {
    id: 'birthday',
    name: { en: 'Birthday', 'zh-CN': '生日' },
    background: { colors: ['#fff6ec', '#ffe3d3'], pattern: tile(birthday.confetti, 240, 0.6) },
    text: text('#5b1a33'),
    photo: { x: 250, y: 180, w: 580, h: 420 },
    wishes: {
      en: ['Happy birthday! May all your wishes come true.', 'Wishing you cake, laughter and your best year yet.'],
      'zh-CN': ['生日快乐！愿你心想事成，岁岁欢喜。', '又长大一岁，愿你越来越好，天天开心！'],
    },
    shapes: [],
    layers: [layer(birthday.cake, 0, 0, 1080, 660), layer(birthday.bunting, 0, 0, 1080, 160, { place: 'over' })],
    headline: head({ x: 80, y: 660, w: 920, h: 180, text: { en: 'Happy Birthday', 'zh-CN': '生日快乐' }, color: '#b8325a', font: SCRIPT, max: 130 }),
  },
  {
    id: 'thanks',
    name: { en: 'Thank you', 'zh-CN': '感谢' },
    background: { colors: ['#f7f2e8', '#ece3d0'], pattern: tile(thanks.paper, 300, 0.35, 'multiply') },
    text: text('#24493d'),
    photo: { x: 270, y: 130, w: 540, h: 420 },
    wishes: {
      en: ['Thank you so much. It meant the world to me.', "I couldn't have done it without you."],
      'zh-CN': ['谢谢你一直都在。', '真心感谢你的帮助，心里暖暖的。'],
    },
    shapes: [],
    layers: [layer(thanks.bouquet, 0, 0, 1080, 660)],
    headline: head({ x: 80, y: 660, w: 920, h: 180, text: { en: 'Thank You', 'zh-CN': '谢谢你' }, color: '#24493d', font: SCRIPT, max: 140 }),
  },
  {
    id: 'love',
    name: { en: 'Love', 'zh-CN': '告白' },
    background: { colors: ['#8e1f44', '#4f0c27'], pattern: tile(love.hearts, 180) },
    text: text('#ffe9ee'),
    photo: { x: 300, y: 120, w: 480, h: 400 },
    wishes: {
      en: ['You make every day brighter.', 'I love you more than words can say.'],
      'zh-CN': ['遇见你，是最美好的事。', '想和你一起，把日子过成诗。'],
    },
    shapes: [],
    layers: [layer(love.envelope, 0, 0, 1080, 660)],
    headline: head({ x: 80, y: 660, w: 920, h: 180, text: { en: 'With Love', 'zh-CN': '我爱你' }, color: '#ffffff', font: SCRIPT, max: 140, shadow: { color: '#2a0614', blur: 24, x: 0, y: 6 } }),
  },
  {
    id: 'spring-festival',
    name: { en: 'Spring Festival', 'zh-CN': '春节' },
    background: { colors: ['#d8232a', '#9e0f1c'], pattern: tile(spring.fret, 120) },
    text: text('#ffe9b0', SERIF, { y: 780, h: 410 }),
    photo: { x: 90, y: 110, w: 460, h: 520 },
    wishes: {
      en: ['Happy Chinese New Year! Wishing you health, luck and joy.', 'May the new year bring you peace and prosperity.'],
      'zh-CN': ['新春快乐！万事如意，阖家幸福！', '愿新的一年，平安喜乐，心想事成。'],
    },
    shapes: [],
    layers: [layer(spring.lanterns, 0, 0, 1080, 700)],
    headline: head({
      x: 600, y: 100, w: 400, h: 420,
      text: { en: 'Happy\nNew Year', 'zh-CN': '新春\n快乐' },
      color: '#ffd46b', font: `${SERIF.split(',"Songti')[0]},${ZH_KAI}`, weight: 900, max: 200, leading: 1.15, vertical: true,
      outline: { color: '#7a0a14', width: 6 },
    }),
  },
  {
    id: 'mid-autumn',
    name: { en: 'Mid-Autumn', 'zh-CN': '中秋' },
    background: { colors: ['#0f1a38', '#25346a'], pattern: tile(moon.stars, 220) },
    text: text('#fff4d6', SERIF, { y: 760, h: 430, max: 54 }),
    photo: { x: 590, y: 110, w: 380, h: 380 },
    wishes: {
      en: ['Happy Mid-Autumn Festival! May the full moon bring you and your loved ones together.', 'Wishing you a bright moon and a happy reunion.'],
      'zh-CN': ['中秋快乐！月圆人团圆。', '但愿人长久，千里共婵娟。'],
    },
    shapes: [],
    layers: [layer(moon.moon, 0, 0, 1080, 700)],
    headline: head({
      x: 70, y: 300, w: 490, h: 360,
      text: { en: 'Happy\nMid\u2011Autumn', 'zh-CN': '中秋\n快乐' },
      color: '#ffe7a3', font: `${SERIF.split(',"Songti')[0]},${ZH_KAI}`, max: 150, vertical: true, align: 'left',
      shadow: { color: '#0b1226', blur: 18, x: 0, y: 4 },
    }),
  },
  {
    id: 'christmas',
    name: { en: 'Christmas', 'zh-CN': '圣诞' },
    background: { colors: ['#12493a', '#0a2a21'], pattern: tile(christmas.snow, 200) },
    text: text('#f7f4ee'),
    photo: { x: 370, y: 200, w: 340, h: 340 },
    wishes: {
      en: ['Merry Christmas and a happy new year!', 'Wishing you a season full of warmth and joy.'],
      'zh-CN': ['圣诞快乐！愿你被温暖和幸福包围。', '圣诞快乐，新年也要闪闪发光！'],
    },
    shapes: [],
    layers: [layer(christmas.tree, 0, 0, 1080, 700), layer(christmas.wreath, 0, 0, 1080, 700, { place: 'over' })],
    headline: head({ x: 80, y: 680, w: 920, h: 170, text: { en: 'Merry Christmas', 'zh-CN': '圣诞快乐' }, color: '#e9b949', font: SCRIPT, max: 130 }),
  },
];
