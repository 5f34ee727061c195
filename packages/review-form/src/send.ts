// What only a fan who writes needs: sending, the words for a refusal, and the thank-you
// panel with its coupon. Loaded on the fan's first edit, so it is there by the time they
// send, and a page where nobody writes a review never downloads it.
import { css, html, nothing, type LitElement, type TemplateResult } from 'lit';
import { localize, type Locale, type Messages } from '@fanfare/core';
import { copyText } from '@fanfare/core/clipboard';
import { adoptLazyStyles } from '@fanfare/core/lazy-styles';
import type { Answer } from './logic/answer.js';

export { upload } from './controllers/upload.js';
import type { Progress } from './controllers/upload.js';
import type { Photo, PhotosController } from './controllers/photos.js';

type Key =
  | 'sending' | 'progress' | 'waiting' | 'needRating' | 'needText' | 'textLong' | 'authorLong' | 'photosBusy'
  | 'notReady' | 'thanks' | 'live' | 'see' | 'coupon' | 'copy' | 'copied' | 'photo' | 'removePhoto' | 'preparing'
  | 'refused' | 'over' | 'yours' | 'rated';

const messages: Messages<Key> = {
  en: {
    sending: 'Sending… {pct}%',
    progress: 'Upload progress',
    waiting: 'Uploaded. Finishing…',
    needRating: 'Choose from 1 to 5 stars.',
    needText: 'Write a few words about it.',
    textLong: 'Keep it to {max} characters.',
    authorLong: 'Keep the name to {max} characters.',
    photosBusy: 'Your photos are still being prepared; send again in a moment.',
    notReady: 'This form cannot send reviews yet.',
    thanks: 'Thanks — your buyer show will appear once it is checked.',
    live: 'Thanks — your buyer show is live.',
    see: 'See it',
    coupon: 'A thank-you from the shop',
    copy: 'Copy code',
    copied: 'Copied',
    yours: 'What you sent',
    rated: '{n} out of 5 stars',
    photo: 'Photo {n}',
    removePhoto: 'Remove photo {n}',
    preparing: 'Preparing photos…',
    refused: '{name} could not be opened. Choose a JPEG, PNG or WebP photo.',
    over: 'Only {max} photos fit: {n} left out.',
  },
  'zh-CN': {
    sending: '正在上传… {pct}%',
    progress: '上传进度',
    waiting: '上传完成，正在处理…',
    needRating: '请选择 1 到 5 星评分。',
    needText: '请写几句评价。',
    textLong: '评价内容最多 {max} 字。',
    authorLong: '昵称最多 {max} 字。',
    photosBusy: '照片还在处理中，请稍后再提交。',
    notReady: '暂时无法提交评价。',
    thanks: '感谢晒单！审核通过后就会展示出来。',
    live: '感谢晒单！你的评价已发布。',
    see: '去看看',
    coupon: '商家送你一张优惠券',
    copy: '复制券码',
    copied: '已复制',
    yours: '你提交的评价',
    rated: '{n} 星（满分 5 星）',
    photo: '第 {n} 张照片',
    removePhoto: '移除第 {n} 张照片',
    preparing: '正在处理照片…',
    refused: '无法打开{name}，请选择 JPEG、PNG 或 WebP 格式的照片。',
    over: '最多 {max} 张照片，已略过 {n} 张。',
  },
};

const styles = css`
  .done {
    justify-content: flex-start;
  }
  .done h2:focus {
    outline: none;
  }
  a {
    color: var(--_fan-brand);
    font-weight: 600;
  }
  .coupon {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 0.75rem;
    padding: 0.875rem 1rem;
    border: 1.5px dashed var(--_fan-brand);
    border-radius: var(--_fan-radius);
  }
  .coupon p:last-child {
    display: flex;
    align-items: center;
    gap: 0.75rem;
  }
  code {
    font-size: 1.125rem;
    font-weight: 600;
    letter-spacing: 0.05em;
  }
  .recap {
    display: flex;
    flex-direction: column;
    gap: 0.375rem;
    padding-top: 0.875rem;
    border-top: 1px solid var(--_fan-border);
  }
  .rated {
    color: var(--_star);
    font-size: 1.25rem;
    letter-spacing: 0.1em;
  }
  .said {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
`;

/**
 * The fan's words for a server's refusal, or undefined for a code the table does not
 * know. The table of every code loads with the first refusal only.
 */
export async function refusal(code: string): Promise<((locale: Locale) => string) | undefined> {
  const m = await import('@fanfare/core/errors');
  return m.isErrorCode(code) ? (locale) => m.errorText(code, locale) : undefined;
}

type Host = LitElement & { locale: Locale };

/** What the fan sent, shown back to them under the thanks: the name as it will be shown. */
export interface Sent {
  rating: number;
  text: string;
  name: string;
  photos: readonly Photo[];
}

/** The words, the progress bar and the thank-you panel of a fan who writes and sends. */
export class Sender {
  private copied = false;
  /** The translator of these words (problems, progress, thanks). */
  readonly t;

  constructor(private readonly host: Host) {
    this.t = localize(host, messages);
    adoptLazyStyles(host, styles);
  }

  /** The share of the body sent, as a reader reads it; after the last byte, that the server is at work. */
  progressText(p?: Progress): string {
    return p && p.total && p.sent >= p.total ? this.t('waiting') : this.t('sending', { pct: pct(p) });
  }

  bar(p?: Progress): TemplateResult {
    return html`<progress max="100" .value=${pct(p)} aria-label=${this.t('progress')}></progress>`;
  }

  /** The previews, each with its remove button. */
  thumbs(list: readonly Photo[], remove: (p: Photo, i: number) => void): TemplateResult[] {
    const { t } = this;
    return list.map(
      (p, i) => html`<li>
        <span class="thumb" role="img" aria-label=${t('photo', { n: i + 1 })}>${p.thumb}</span>
        <button type="button" class="remove" part="button" aria-label=${t('removePhoto', { n: i + 1 })}
          @click=${() => remove(p, i)}>×</button>
      </li>`,
    );
  }

  /** Photos being prepared, files that could not be opened, files left out of a full form. */
  photoStatus(photos: PhotosController, max: number): string {
    const { t } = this;
    if (photos.busy) return t('preparing');
    const out = photos.refused.map((name) => t('refused', { name: `“${name}”` }));
    if (photos.over) out.push(t('over', { max, n: photos.over }));
    return out.join(' ');
  }

  /** The panel that takes the form's place once the server has the review. */
  thanks(a: Extract<Answer, { ok: true }>, productUrl: string, sent: Sent): TemplateResult {
    const { t } = this;
    return html`<div class="base done" part="base">
      <h2 tabindex="-1">${t(a.status === 'published' ? 'live' : 'thanks')}</h2>
      ${productUrl && a.status === 'published' ? html`<p><a part="link" href=${productUrl}>${t('see')}</a></p>` : nothing}
      ${a.code
        ? html`<div class="coupon">
            <p>${t('coupon')}${a.reward ? html`<br /><strong>${a.reward}</strong>` : nothing}</p>
            <p><code>${a.code}</code>
              <button type="button" class="submit" part="button" @click=${() => this.copy(a.code!)}>${t(this.copied ? 'copied' : 'copy')}</button></p>
          </div>`
        : nothing}
      <section class="recap" aria-labelledby="recap">
        <p class="label" id="recap">${t('yours')}</p>
        <p class="rated" role="img" aria-label=${t('rated', { n: sent.rating })}>${'★'.repeat(sent.rating)}${'☆'.repeat(5 - sent.rating)}</p>
        <p class="said">${sent.text}</p>
        <p class="hint">${sent.name}</p>
        ${sent.photos.length
          ? html`<ul class="thumbs">${sent.photos.map((p, i) => html`<li class="thumb" role="img" aria-label=${t('photo', { n: i + 1 })}>${p.thumb}</li>`)}</ul>`
          : nothing}
      </section>
    </div>`;
  }


  private async copy(code: string): Promise<void> {
    this.copied = await copyText(code, this.host.renderRoot as ShadowRoot);
    this.host.requestUpdate();
  }
}

const pct = (p?: Progress): number => (p && p.total ? Math.floor((p.sent / p.total) * 100) : 0);
