import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/define.js';
import type { FanCardMaker } from '../src/index.js';
import { encodeState } from '../src/logic/state.js';
import { BRAND, HASH_KEY } from '../src/logic/card.js';
import { captureWarnings, sleep, waitFor, warningsDuring } from '../../core/testing/index.js';
import { withRef } from '../../core/src/logic/share-link.js';

// This page was opened from a shared link: a card sent from here names that token as its
// parent. Set before anything reads it (core's share-link takes it out of the address).
const PARENT = 'parentTok_2';
history.replaceState(null, '', `${location.pathname}${location.search ? `${location.search}&` : '?'}fanref=${PARENT}`);
const TOKEN = /^[\w-]{8,16}$/;

type El = FanCardMaker;
const $ = <T extends Element = HTMLElement>(el: El, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const $$ = <T extends Element = HTMLElement>(el: El, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const button = (el: El, text: string) => $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim().includes(text))!;
/** What the element keeps to itself, read the way only a test may. */
const inside = <T>(el: El, name: string) => (el as unknown as Record<string, T>)[name];
/** Today as the fan's file names spell it, YYYY-MM-DD in local time. */
const today = () => new Date().toLocaleDateString('sv');

async function settle(el: El) {
  // Drawing waits for fonts and lazily loaded modules; a few rounds let every one land.
  for (let i = 0; i < 6; i++) {
    await el.updateComplete;
    await el.drawn;
    await sleep(10);
  }
}

async function make(tpl = html`<fan-card-maker lang="en" brand-text="Bloom Flowers"></fan-card-maker>`) {
  const el = await fixture<El>(tpl);
  // The designs are a chunk of their own (the frame shows before them): wait for them, or for a card received, however busy the machine.
  await waitFor(() => el.shadowRoot!.querySelector('.template, .received'), 'neither designs nor a received card showed', 10000);
  await settle(el);
  return el;
}

/** Walk the wizard forward to step `n` (1: design … 4: save or send) as a fan does, with Next. */
async function atStep(el: El, n: 1 | 2 | 3 | 4) {
  const current = () => $$(el, '.steps li').findIndex((li) => li.hasAttribute('aria-current')) + 1;
  while (current() < n) {
    button(el, el.locale === 'en' ? 'Next' : '下一步').click();
    await settle(el);
  }
  return el;
}

function pixel(el: El, x: number, y: number) {
  const c = $<HTMLCanvasElement>(el, 'canvas').getContext('2d')!;
  return [...c.getImageData(x, y, 1, 1).data];
}

async function imageFile(w: number, h: number, type = 'image/jpeg', name = 'photo.jpg') {
  const c = new OffscreenCanvas(w, h);
  const g = c.getContext('2d')!;
  g.fillStyle = '#3a7';
  g.fillRect(0, 0, w, h);
  return new File([await c.convertToBlob({ type })], name, { type });
}

/** A JPEG whose EXIF says "rotate 90° clockwise" (orientation 6), as phone cameras write them. */
async function rotatedJpeg(w: number, h: number) {
  const plain = new Uint8Array(await (await imageFile(w, h)).arrayBuffer());
  // APP1 "Exif\0\0", big-endian TIFF header, one IFD entry: 0x0112 Orientation = 6.
  const app1 = [0xff, 0xe1, 0, 34, 0x45, 0x78, 0x69, 0x66, 0, 0, 0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
  return new File([plain.slice(0, 2), new Uint8Array(app1), plain.slice(2)], 'phone.jpg', { type: 'image/jpeg' });
}

function choose(el: El, ...files: File[]) {
  const input = $<HTMLInputElement>(el, 'input[type=file]');
  for (const file of files) {
    const dt = new DataTransfer();
    dt.items.add(file);
    input.files = dt.files;
    input.dispatchEvent(new Event('change'));
  }
}

async function pick(el: El, file: File) {
  choose(el, file);
  await waitFor(() => $$(el, '[role=alert]').length || button(el, 'Remove photo'), 'the photo was neither taken nor refused');
  await settle(el);
}

/** The design names offered, once there are any (a brand's own templates load first). */
const designs = async (el: El) => {
  await waitFor(() => $$(el, '.template').length, 'no designs were offered');
  return $$(el, '.template').map((b) => b.textContent!.trim());
};
const photoOf = (el: El) => inside<{ photo?: { w: number; h: number; blob: Blob } } | undefined>(el, 'photo')?.photo;
const imageOf = (el: El) => inside<{ blob: Blob }>(el, 'exporter').blob;

/** Replace a browser function for one test; the returned function puts the browser's own back. */
function stub<T extends object, K extends keyof T>(target: T, key: K, value: T[K]) {
  const own = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { value, configurable: true, writable: true });
  return () => (own ? Object.defineProperty(target, key, own) : Reflect.deleteProperty(target, key));
}

/** The names of the files a tap on `label` downloads; the downloads themselves are stopped. */
async function downloadsOf(el: El, label: string) {
  const names: string[] = [];
  const restore = stub(HTMLAnchorElement.prototype, 'click', function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  try {
    button(el, label).click();
    await settle(el);
  } finally {
    restore();
  }
  return names;
}

describe('<fan-card-maker>', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('refuses bad attribute values with one warning each and keeps the defaults', async () => {
    history.replaceState(null, '', `#fan-card=${encodeState({ template: 'love', message: 'hi', stickers: [] })}`);
    let el!: El;
    const warnings = await warningsDuring(async () => {
      el = await make(html`<fan-card-maker lang="en" max-photo-mb="lots" link="javascript:alert(1)"></fan-card-maker>`);
    });
    expect(el.maxPhotoMb).to.equal(15);
    expect(el.link).to.equal('');
    expect($<HTMLAnchorElement>(el, 'a').href).to.equal(location.href.split('#')[0]);
    expect(warnings).to.have.length(2);
    expect(warnings[0]).to.contain('<fan-card-maker>').and.contain('max-photo-mb="lots"');
    expect(warnings[1]).to.contain('link="javascript:alert(1)"');
  });

  it('step 1: offers the six designs and previews the chosen one on a 1080×1350 canvas', async () => {
    const el = await make();
    const canvas = $<HTMLCanvasElement>(el, 'canvas');
    expect([canvas.width, canvas.height]).to.deep.equal([1080, 1350]);
    const names = $$(el, '.template').map((b) => b.textContent!.trim());
    expect(names).to.deep.equal(['Birthday', 'Thank you', 'Love', 'Spring Festival', 'Mid-Autumn', 'Christmas']);
    expect($(el, '[aria-current=step]').textContent).to.contain('Choose a design');
    const before = pixel(el, 5, 5);
    button(el, 'Christmas').click();
    await settle(el);
    expect(button(el, 'Christmas').getAttribute('aria-pressed')).to.equal('true');
    expect(pixel(el, 5, 5)).not.to.deep.equal(before);
    // The brand zone is a light band at the foot, whatever the design.
    const [r, g, b] = pixel(el, 1070, 1340);
    expect(Math.min(r, g, b)).to.be.above(230);
    await expect(el).to.be.accessible();
  });

  it('draws the site\'s name in the brand zone when the page gives neither brand-text nor a logo, never a blank band', async () => {
    // Dark pixels in the band's left half: text drawn there (the band itself is near white).
    const inked = (el: El) => {
      const c = $<HTMLCanvasElement>(el, 'canvas').getContext('2d')!;
      const band = c.getImageData(48, BRAND.y + BRAND.h / 2 - 20, 500, 40).data;
      let dark = 0;
      for (let p = 0; p < band.length; p += 4) if (Math.max(band[p]!, band[p + 1]!, band[p + 2]!) < 120) dark++;
      return dark;
    };
    const bare = await make(html`<fan-card-maker lang="en"></fan-card-maker>`);
    expect(inked(bare), 'no brand-text, no logo').to.be.above(50);
    // The very words: the band as a page that names its host as its brand text gets it, pixel for pixel.
    const named = await make(html`<fan-card-maker lang="en" brand-text=${location.host}></fan-card-maker>`);
    const band = (el: El) => [...$<HTMLCanvasElement>(el, 'canvas').getContext('2d')!.getImageData(0, BRAND.y, 1080, BRAND.h).data];
    expect(band(bare)).to.deep.equal(band(named));
    const other = await make(html`<fan-card-maker lang="en" brand-text="Bloom Flowers"></fan-card-maker>`);
    expect(band(other)).to.not.deep.equal(band(bare));
  });

  it('walks back and forth through the four steps by name, focusing each heading', async () => {
    const el = await atStep(await make(), 4);
    expect($(el, '[aria-current=step]').textContent).to.contain('Save or send');
    expect(button(el, 'Next')).to.equal(undefined);
    button(el, 'Back').click();
    await settle(el);
    expect($(el, '[aria-current=step]').textContent).to.contain('Add a photo and stickers');
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('Add a photo and stickers');
    for (let i = 0; i < 2; i++) {
      button(el, 'Back').click();
      await settle(el);
    }
    expect($(el, 'h2').textContent).to.equal('Choose a design');
    expect(button(el, 'Back')).to.equal(undefined);
  });

  it("step 2: counts characters, offers wishes in the fan's language and draws the message", async () => {
    const el = await atStep(await make(), 2);
    expect(document.activeElement).to.equal(el);
    expect(el.shadowRoot!.activeElement?.tagName).to.equal('H2'); // focus moves to the new step's heading
    const area = $<HTMLTextAreaElement>(el, 'textarea');
    const blank = pixel(el, 540, 1040);
    area.value = 'Hi 👨‍👩‍👧!';
    area.dispatchEvent(new Event('input'));
    await settle(el);
    expect($(el, '#count').textContent).to.equal('5 of 120 characters');
    area.value = '好'.repeat(130);
    area.dispatchEvent(new Event('input'));
    await settle(el);
    expect(area.value).to.have.length(120);
    $<HTMLButtonElement>(el, '.wish').click();
    await settle(el);
    expect(area.value).to.equal('Happy birthday! May all your wishes come true.');
    expect(pixel(el, 540, 950)).not.to.deep.equal(blank);
    await expect(el).to.be.accessible();
  });

  it('speaks Chinese when the page does', async () => {
    const wrap = await fixture(html`<div lang="zh-CN"><fan-card-maker></fan-card-maker></div>`);
    const el = wrap.querySelector<El>('fan-card-maker')!;
    await waitFor(() => el.shadowRoot!.querySelector('.template'), 'no designs were offered', 10000);
    await settle(el);
    expect(button(el, '春节')).not.to.equal(undefined);
    expect(button(el, '告白')).not.to.equal(undefined);
    await atStep(el, 2);
    expect($(el, 'label').textContent).to.equal('你的祝福');
    expect($(el, '.wish').textContent).to.equal('生日快乐！愿你心想事成，岁岁欢喜。');
    expect($(el, 'legend').textContent).to.equal('或选一句祝福语');
    await expect(el).to.be.accessible();
  });

  it('step 2: shows the count short, and says it in words to a screen reader (no slash read as 斜杠)', async () => {
    const el = await atStep(await make(html`<fan-card-maker lang="zh-CN"></fan-card-maker>`), 2);
    const area = $<HTMLTextAreaElement>(el, 'textarea');
    area.value = '生日快乐🎉';
    area.dispatchEvent(new Event('input'));
    await settle(el);
    const spoken = el.shadowRoot!.getElementById(area.getAttribute('aria-describedby')!)!;
    expect(spoken.textContent).to.equal('已输入 5 字，最多 120 字');
    const shown = $(el, '.hint [aria-hidden=true]');
    expect(shown.textContent).to.equal('已输入 5/120 字');
    expect(shown.checkVisibility()).to.equal(true);
  });

  it('step 2: the colour field reads the design colour without making a canvas on every render', async () => {
    const el = await atStep(await make(), 2);
    expect($<HTMLInputElement>(el, 'input[type=color]').value).to.equal('#5b1a33');
    let canvases = 0;
    const create = document.createElement;
    document.createElement = function (this: Document, tag: string, options?: ElementCreationOptions) {
      if (tag.toLowerCase() === 'canvas') canvases++;
      return create.call(this, tag, options);
    } as typeof document.createElement;
    try {
      const area = $<HTMLTextAreaElement>(el, 'textarea');
      for (const text of ['H', 'Hi', 'Hi!']) {
        area.value = text;
        area.dispatchEvent(new Event('input'));
        await el.updateComplete;
      }
    } finally {
      document.createElement = create;
    }
    expect(canvases).to.equal(0);
    expect($<HTMLInputElement>(el, 'input[type=color]').value).to.equal('#5b1a33');
  });

  it('step 3: stickers are added, moved, scaled, rotated and removed by keyboard', async () => {
    const el = await atStep(await make(), 3);
    await settle(el);
    button(el, '🎈').click();
    await settle(el);
    const handle = $(el, '.handle');
    expect(el.shadowRoot!.activeElement).to.equal(handle);
    // The chosen sticker is the current one, not a "pressed" button (read as 已按下 in Chinese).
    expect(handle.getAttribute('aria-current')).to.equal('true');
    expect(handle.hasAttribute('aria-pressed')).to.equal(false);
    const x = () => parseFloat(handle.style.getPropertyValue('--x'));
    const before = x();
    const key = (k: string, shiftKey = false) => handle.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true }));
    key('ArrowRight', true);
    await settle(el);
    expect(x()).to.be.closeTo(before + (50 / 1080) * 100, 0.01);
    key('+');
    key('r');
    await settle(el);
    expect(handle.style.getPropertyValue('--r')).to.equal('15deg');
    expect(parseFloat(handle.style.getPropertyValue('--size'))).to.be.closeTo(((160 * 1.1) / 1080) * 100, 0.01);
    expect(el.shareLink).to.equal('');
    await expect(el).to.be.accessible();
    key('Delete');
    await settle(el);
    expect($$(el, '.handle')).to.have.length(0);
  });

  it('step 3: the sticker hint speaks of keys with a mouse, of fingers on a touch screen', async () => {
    const el = await atStep(await make(), 3);
    expect($(el, '#keys').textContent).to.contain('Arrow keys');
    const real = window.matchMedia;
    const restore = stub(window, 'matchMedia', (q: string) => (q === '(pointer: coarse)' ? { ...real.call(window, q), matches: true } : real.call(window, q)));
    try {
      el.requestUpdate();
      await settle(el);
      expect($(el, '#keys').textContent).to.contain('Pinch with two fingers').and.not.contain('Arrow keys');
    } finally {
      restore();
    }
  });

  it('step 3: drags a sticker with the pointer', async () => {
    const el = await atStep(await make(), 3);
    button(el, '🎁').click();
    await settle(el);
    const handle = $(el, '.handle');
    const box = handle.getBoundingClientRect();
    const at = { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2, pointerId: 1, bubbles: true };
    const x0 = parseFloat(handle.style.getPropertyValue('--x'));
    handle.dispatchEvent(new PointerEvent('pointerdown', at));
    handle.dispatchEvent(new PointerEvent('pointermove', { ...at, clientX: at.clientX + 40 }));
    handle.dispatchEvent(new PointerEvent('pointerup', at));
    await settle(el);
    expect(parseFloat($(el, '.handle').style.getPropertyValue('--x'))).to.be.above(x0 + 5);
  });

  it('step 3: a photo is downscaled to 2048 px and drawn; a huge one too', async () => {
    const el = await atStep(await make(), 3);
    expect($(el, '.hint').textContent).to.contain('never uploaded');
    await pick(el, await imageFile(6000, 4000));
    expect($$(el, '[role=alert]')).to.have.length(0);
    const photo = photoOf(el)!;
    expect([photo.w, photo.h]).to.deep.equal([2048, 1365]);
    expect(photo.blob.type).to.equal('image/jpeg');
    // The photo area in the built-in designs is at the top: now green from the photo.
    const [r, g, b] = pixel(el, 540, 400);
    expect(g).to.be.above(r).and.above(b);
    await expect(el).to.be.accessible();
  });

  it('step 3: the photo picked last wins, even when an earlier one finishes decoding later', async () => {
    const el = await atStep(await make(), 3);
    choose(el, await imageFile(6000, 4000), await imageFile(300, 200));
    await waitFor(() => photoOf(el), 'no photo was taken');
    await sleep(500); // time enough for the large one to finish and be dropped
    await settle(el);
    expect([photoOf(el)!.w, photoOf(el)!.h]).to.deep.equal([300, 200]);
  });

  it("step 3: applies the camera's orientation once", async () => {
    const el = await atStep(await make(), 3);
    await pick(el, await rotatedJpeg(300, 100));
    expect([photoOf(el)!.w, photoOf(el)!.h]).to.deep.equal([100, 300]);
  });

  it('step 3: a corrupt image, a non-image and a too-large file each get a clear message', async () => {
    const el = await atStep(await make(html`<fan-card-maker lang="en" max-photo-mb="1"></fan-card-maker>`), 3);
    await pick(el, new File([new Uint8Array([0xff, 0xd8, 0xff, 0x00, 1, 2, 3])], 'broken.jpg', { type: 'image/jpeg' }));
    expect($(el, '[role=alert]').textContent).to.contain("couldn't be opened");
    await pick(el, new File(['hello'], 'note.txt', { type: 'text/plain' }));
    expect($(el, '[role=alert]').textContent).to.contain('not a photo');
    await pick(el, new File([new Uint8Array(1.5 * 1048576)], 'big.png', { type: 'image/png' }));
    expect($(el, '[role=alert]').textContent).to.contain('larger than 1 MB');
    await expect(el).to.be.accessible();
  });

  it('step 4: the exported image is a 1080×1350 JPEG, PNG on request, and saving reports its size', async () => {
    const el = await make();
    const created = oneEvent(el, 'fan-card-create');
    await atStep(el, 4);
    expect((await created).detail).to.deep.equal({ template: 'birthday' });
    expect(imageOf(el).type).to.equal('image/jpeg');
    const bmp = await createImageBitmap(imageOf(el));
    expect([bmp.width, bmp.height]).to.deep.equal([1080, 1350]);
    expect(el.shareLink).to.match(/#fan-card=1\.[\w-]+$/);

    const select = $<HTMLSelectElement>(el, 'select');
    select.value = 'png';
    select.dispatchEvent(new Event('change'));
    await settle(el);
    expect(imageOf(el).type).to.equal('image/png');
    const events: CustomEvent[] = [];
    el.addEventListener('fan-card-export', (e) => events.push(e));
    const restore = stub(HTMLAnchorElement.prototype, 'click', () => {});
    try {
      button(el, 'Save image').click();
    } finally {
      restore();
    }
    expect(events.map((e) => e.detail)).to.deep.equal([{ format: 'png', bytes: imageOf(el).size }]);
    await expect(el).to.be.accessible();
  });

  it('step 4: saving says so, and names the file after the design and the day', async () => {
    const el = await atStep(await make(), 4);
    expect(await downloadsOf(el, 'Save image')).to.deep.equal([`birthday-card-${today()}.jpg`]);
    expect($(el, '[role=status]').textContent).to.equal(`Image saved: birthday-card-${today()}.jpg`);
    await expect(el).to.be.accessible();
  });

  it('step 4: in Chinese the saved file is a 贺卡 named after the design', async () => {
    const el = await make(html`<fan-card-maker lang="zh-CN"></fan-card-maker>`);
    button(el, '春节').click();
    await atStep(el, 4);
    expect(await downloadsOf(el, '保存图片')).to.deep.equal([`春节贺卡-${today()}.jpg`]);
    expect($(el, '[role=status]').textContent).to.equal(`图片已保存：春节贺卡-${today()}.jpg`);
  });

  it('step 4: sends the image file through the share sheet when the browser can', async () => {
    const el = await atStep(await make(), 4);
    const nav = navigator as Navigator & Record<string, unknown>;
    const shared: ShareData[] = [];
    Object.assign(nav, { canShare: () => true, share: async (d: ShareData) => void shared.push(d) });
    try {
      const channel = oneEvent(el, 'fan-card-share');
      button(el, 'Send').click();
      const { detail } = await channel;
      expect(detail).to.deep.equal({ channel: 'files', ref: detail.ref, parent: PARENT });
      expect(detail.ref).to.match(TOKEN);
      expect(shared[0].files![0].name).to.equal(`birthday-card-${today()}.jpg`);
      // The link that goes with the image carries this send's token, before the card's hash.
      expect(shared[0].url).to.equal(withRef(el.shareLink, detail.ref!));
      expect(shared[0].url).to.match(/[?&]fanref=[\w-]+#fan-card=1\./);
    } finally {
      // Own properties shadowed the browser's; removing them brings its own back.
      Reflect.deleteProperty(nav, 'share');
      Reflect.deleteProperty(nav, 'canShare');
    }
  });

  it('step 4: falls back to sharing the link, then to a download', async () => {
    const el = await atStep(await make(), 4);
    const nav = navigator as Navigator & Record<string, unknown>;
    const shared: ShareData[] = [];
    const details: { channel: string; ref?: string; parent?: string }[] = [];
    const channels: string[] = [];
    el.addEventListener('fan-card-share', (e) => (details.push(e.detail), channels.push(e.detail.channel)));
    const restore = stub(HTMLAnchorElement.prototype, 'click', () => {});
    try {
      Object.assign(nav, { canShare: () => false, share: async (d: ShareData) => void shared.push(d) });
      button(el, 'Send').click();
      await settle(el);
      expect(details[0]!.ref).to.match(TOKEN);
      expect(shared).to.deep.equal([{ text: '', url: withRef(el.shareLink, details[0]!.ref!) }]);
      Object.assign(nav, { canShare: undefined, share: undefined });
      const exported = oneEvent(el, 'fan-card-export');
      button(el, 'Send').click();
      expect((await exported).detail.format).to.equal('jpeg');
      expect(channels).to.deep.equal(['link', 'download']);
      // A download sends no link, so no token.
      expect(details[1]).to.deep.equal({ channel: 'download' });
      await settle(el);
      expect($(el, '[role=status]').textContent).to.contain('Image saved');
    } finally {
      restore();
      // Own properties shadowed the browser's; removing them brings its own back.
      Reflect.deleteProperty(nav, 'share');
      Reflect.deleteProperty(nav, 'canShare');
    }
  });

  it('step 4: copies the link and says so', async () => {
    const el = await atStep(await make(), 4);
    const copied: string[] = [];
    const restore = stub(navigator, 'clipboard', { writeText: async (text: string) => void copied.push(text) } as unknown as Clipboard);
    try {
      const channel = oneEvent(el, 'fan-card-share');
      button(el, 'Copy link').click();
      const { detail } = await channel;
      expect(detail).to.deep.equal({ channel: 'copy', ref: detail.ref, parent: PARENT });
      expect(detail.ref).to.match(TOKEN);
      await settle(el);
      expect(copied).to.deep.equal([withRef(el.shareLink, detail.ref!)]);
      // Each copy is a share action of its own.
      const again = oneEvent(el, 'fan-card-share');
      button(el, 'Copy link').click();
      const second = (await again).detail.ref!;
      await settle(el);
      expect(second).to.match(TOKEN).and.not.equal(detail.ref);
      expect(copied[1]).to.equal(withRef(el.shareLink, second));
      expect($(el, '[role=status]').textContent).to.equal('Link copied');
      expect($$(el, 'input.link')).to.have.length(0);
    } finally {
      restore();
    }
  });

  it('step 4: when copying fails, shows the link selected to copy by hand', async () => {
    const el = await atStep(await make(), 4);
    const channels: string[] = [];
    el.addEventListener('fan-card-share', (e) => channels.push(e.detail.channel));
    const restoreClipboard = stub(navigator, 'clipboard', { writeText: () => Promise.reject(new Error('denied')) } as unknown as Clipboard);
    const restoreCommand = stub(document, 'execCommand', () => false);
    try {
      button(el, 'Copy link').click();
      const field = await waitFor(() => $<HTMLInputElement>(el, 'input.link'), 'no field to copy from');
      await settle(el);
      expect(field.readOnly).to.equal(true);
      const ref = new URL(field.value).searchParams.get('fanref')!;
      expect(ref).to.match(TOKEN);
      expect(field.value).to.equal(withRef(el.shareLink, ref));
      expect(el.shadowRoot!.activeElement).to.equal(field);
      expect([field.selectionStart, field.selectionEnd]).to.deep.equal([0, field.value.length]);
      expect($(el, '[role=status]').textContent).to.contain('Could not copy');
      expect(channels).to.deep.equal([]);
      await expect(el).to.be.accessible();
    } finally {
      restoreCommand();
      restoreClipboard();
    }
  });

  it('step 4: inside WeChat shows the image to long-press instead', async () => {
    const el = await atStep(await make(), 4);
    Object.defineProperty(navigator, 'userAgent', { value: 'Mozilla/5.0 MicroMessenger/8.0.50', configurable: true });
    try {
      const channel = oneEvent(el, 'fan-card-share');
      button(el, 'Send').click();
      // The image alone, no link: no token.
      expect((await channel).detail).to.deep.equal({ channel: 'wechat' });
      await settle(el);
      const img = $<HTMLImageElement>(el, 'img.saved');
      expect(img.src).to.match(/^data:image\/jpeg;base64,/);
      await img.decode();
      expect([img.naturalWidth, img.naturalHeight]).to.deep.equal([1080, 1350]);
      expect(el.shadowRoot!.textContent).to.contain('Press and hold the image');
      await expect(el).to.be.accessible();
    } finally {
      delete (navigator as unknown as Record<string, unknown>).userAgent;
    }
  });

  it('opens a received card from the hash with a "make your own" link', async () => {
    const msg = '<img src=x onerror=alert(1)> Happy birthday';
    const card = { template: 'love', message: msg, stickers: [{ emoji: '🎉', x: 100, y: 100, scale: 100, rotation: 0 }] };
    history.replaceState(null, '', `#fan-card=${encodeState(card)}`);
    const el = await make(html`<fan-card-maker lang="en" link="https://shop.example/cards"></fan-card-maker>`);
    expect($(el, 'h2').textContent).to.equal('You got a card!');
    // The message is text on a canvas and in a label, never markup.
    expect($$(el, 'img')).to.have.length(0);
    expect($(el, 'canvas').getAttribute('aria-label')).to.contain(msg);
    expect($<HTMLAnchorElement>(el, 'a').href).to.equal('https://shop.example/cards');
    const [r, g, b] = pixel(el, 5, 5);
    expect(r).to.be.above(g).and.above(b);
    await expect(el).to.be.accessible();
  });

  it('opens a card sent before the state had readable names', async () => {
    // Made by the widget at commit bfe7667: [template, message, stickers], unchanged since.
    history.replaceState(null, '', '#fan-card=1.WyJiaXJ0aGRheSIsIkhhcHB5IGJpcnRoZGF5ISIsW11d');
    const el = await make();
    expect($(el, 'h2').textContent).to.equal('You got a card!');
    expect($(el, 'canvas').getAttribute('aria-label')).to.equal('Card preview: Happy birthday!');
  });

  it('shows a friendly fallback for a broken or hostile hash', async () => {
    // Unreadable, markup, and a well-formed card whose design this page does not have.
    for (const bad of ['garbage', '1.PHNjcmlwdD4', encodeState({ template: 'no-such-design', message: 'hi', stickers: [] })]) {
      history.replaceState(null, '', HASH_KEY + bad);
      const el = await make();
      expect($(el, '[role=alert]').textContent).to.contain("couldn't be opened");
      expect($<HTMLAnchorElement>(el, 'a').href).to.equal(location.href.split('#')[0]);
      await expect(el).to.be.accessible();
    }
  });

  it("uses a brand's own templates, skipping bad entries with one warning that says what is kept", async () => {
    const { warnings, restore } = captureWarnings();
    try {
      const json = JSON.stringify([{ id: 'bad' }, { id: 'peony', name: { en: 'Peony', 'zh-CN': '牡丹' }, background: { colors: ['#fde', '#f9c'] } }]);
      const el = await make(html`<fan-card-maker lang="en" templates=${json}></fan-card-maker>`);
      expect(await designs(el)).to.deep.equal(['Peony']);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/^<fan-card-maker> ignored templates="\[\{/);
      expect(warnings[0]).to.contain('template 0 "bad" skipped').and.contain('Keeping peony.');
      const fromUrl = await make(html`<fan-card-maker lang="zh-CN" templates="/packages/card-maker/test/fixtures/templates.json"></fan-card-maker>`);
      expect(await designs(fromUrl)).to.deep.equal(['牡丹']);
      const broken = await make(html`<fan-card-maker lang="en" templates="[not json"></fan-card-maker>`);
      expect(await designs(broken)).to.have.length(6);
      expect(warnings.join()).to.contain('templates="[not json"');
      const missing = await make(html`<fan-card-maker lang="en" templates="/no/such/file.json" logo="/no/such/logo.png"></fan-card-maker>`);
      expect(await designs(missing)).to.have.length(6);
      expect(warnings.join()).to.contain('HTTP 404');
      await waitFor(() => warnings.some((w) => w.includes('logo=')), 'no warning about the logo');
      expect(warnings.join()).to.match(/logo="[^"]*\/no\/such\/logo.png": it could not be loaded/);
    } finally {
      restore();
    }
  });

  it('shows the designs of the latest templates value, not of an earlier one answered late', async () => {
    const el = await make(html`<fan-card-maker lang="en" templates="/packages/card-maker/test/fixtures/templates.json"></fan-card-maker>`);
    el.templates = '/packages/card-maker/test/fixtures/templates.json?again';
    await el.updateComplete;
    el.templates = JSON.stringify([{ id: 'rose', name: 'Rose', background: { colors: ['#f36'] } }]);
    await waitFor(() => $(el, '.template')?.textContent!.includes('Rose'), 'the latest templates never showed');
    await sleep(300); // time enough for the earlier file's answer to arrive, and be dropped
    expect(await designs(el)).to.deep.equal(['Rose']);
  });

  it('loads its templates when put back in the page while they were on the way', async () => {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const real = window.fetch;
    const restore = stub(window, 'fetch', async (...args: Parameters<typeof fetch>) => {
      await answered;
      return real(...args);
    });
    try {
      const el = document.createElement('fan-card-maker');
      el.setAttribute('lang', 'en');
      el.templates = '/packages/card-maker/test/fixtures/templates.json';
      document.body.append(el);
      await waitFor(() => inside(el, 'designs'), 'the templates never started loading');
      el.remove();
      document.body.append(el);
      answer();
      expect(await designs(el)).to.deep.equal(['Peony']);
      el.remove();
    } finally {
      restore();
    }
  });
});
