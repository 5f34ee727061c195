// Every error code the server answers with, and what a fan reads for it in each
// language. The server sends `{error, message}`; `message` is for developers and logs,
// a widget shows the text below for `error`, so no fan ever reads the server's English.
// Pure: the server imports this file too.

import type { Locale } from './locale.js';

export const ERROR_TEXT = {
  bad_request: {
    en: 'Something went wrong with this request.',
    'zh-CN': '请求有误，请刷新页面后重试。',
  },
  unauthorized: { en: 'Please sign in again.', 'zh-CN': '请重新登录。' },
  forbidden: { en: 'This page may not do that.', 'zh-CN': '当前页面无权进行此操作。' },
  not_found: { en: 'This was not found.', 'zh-CN': '未找到相关内容。' },
  not_started: { en: 'This campaign has not started yet.', 'zh-CN': '活动尚未开始，敬请期待。' },
  expired: { en: 'This game has expired; start a new one.', 'zh-CN': '本局已失效，请再来一局。' },
  forged: { en: 'We could not verify this game.', 'zh-CN': '本局成绩未通过验证，无法领取奖励。' },
  impossible: { en: 'We could not verify this game.', 'zh-CN': '本局成绩未通过验证，无法领取奖励。' },
  too_fast: {
    en: 'Those moves came too fast to be a person playing.',
    'zh-CN': '操作速度过快，本局无法领取奖励。',
  },
  below_threshold: { en: 'No reward reached yet; keep playing!', 'zh-CN': '还没达到领奖条件，继续加油！' },
  already_claimed: { en: 'This game already won its reward.', 'zh-CN': '本局奖励已领取。' },
  daily_limit: {
    en: 'That is all the rewards for today; come back tomorrow.',
    'zh-CN': '今天的领奖次数已用完，明天再来吧。',
  },
  pool_empty: { en: 'Sorry, all rewards are gone.', 'zh-CN': '抱歉，奖励已发完。' },
  // <fan-invite>'s refusals: an invite is not a game, so it has words of its own.
  unknown_campaign: { en: 'This invite campaign does not exist.', 'zh-CN': '没有找到这个邀请活动。' },
  campaign_ended: { en: 'This campaign has ended.', 'zh-CN': '活动已结束，感谢参与。' },
  invite_expired: { en: 'This invite has expired; start a new one.', 'zh-CN': '这次邀请已过期，请重新发起。' },
  bad_invite: { en: 'We could not verify this invite.', 'zh-CN': '无法验证这次邀请。' },
  not_enough_friends: { en: 'Not enough friends have visited yet.', 'zh-CN': '到访的好友还不够，再邀请几位吧。' },
  invite_claimed: { en: 'This invite has already earned its reward.', 'zh-CN': '这次邀请的奖励已领取。' },
  invite_limit: {
    en: 'You have started enough invites for today; come back tomorrow.',
    'zh-CN': '今天发起的邀请已达上限，明天再来吧。',
  },
  duplicate_review: { en: 'You have already sent this review.', 'zh-CN': '这条评价已经提交过了。' },
  text_too_long: { en: 'Your review is too long; shorten it a little.', 'zh-CN': '评价内容太长了，请删减一些。' },
  photo_too_large: { en: 'A photo is too large; choose a smaller one.', 'zh-CN': '有张照片太大了，请换一张小一点的。' },
  too_many_photos: { en: 'Too many photos; remove some and send again.', 'zh-CN': '照片太多了，请删掉几张再提交。' },
  photo_too_many_pixels: {
    en: 'A photo has too many pixels; choose a smaller one.',
    'zh-CN': '有张照片分辨率太高，请换一张。',
  },
  photo_unsupported: {
    en: 'A file is not a photo we can read; use JPEG, PNG or WebP.',
    'zh-CN': '有个文件无法识别为照片，请上传 JPEG、PNG 或 WebP 格式。',
  },
  too_large: { en: 'This is more than we can take at once.', 'zh-CN': '提交的内容太多了，请精简后再试。' },
  rate_limited: { en: 'Too many tries; wait a moment.', 'zh-CN': '操作太频繁，请稍后再试。' },
  /** WeChat's API refused or did not answer (its errcode is in the message and the log); the share card falls back to WeChat's plain link. */
  wechat_unavailable: { en: 'WeChat sharing is unavailable right now.', 'zh-CN': '微信分享暂时不可用，请稍后再试。' },
  internal: { en: 'Something went wrong on our side; try again later.', 'zh-CN': '服务器开小差了，请稍后再试。' },
  /** Not from the server: the request never got an answer. */
  offline: { en: 'Rewards are unavailable now; play on.', 'zh-CN': '暂时无法领奖，可继续游戏。' },
} as const satisfies Record<string, Record<Locale, string>>;

export type ErrorCode = keyof typeof ERROR_TEXT;

export const isErrorCode = (code: unknown): code is ErrorCode =>
  typeof code === 'string' && Object.hasOwn(ERROR_TEXT, code);

/** What a fan reads for a server's error code; an unknown code reads as a generic failure. */
export function errorText(code: unknown, locale: Locale): string {
  return ERROR_TEXT[isErrorCode(code) ? code : 'bad_request'][locale];
}
