import type { Messages } from '@fanfare/core';

type Key =
  | 'title' | 'rating' | 'star' | 'stars' | 'r1' | 'r2' | 'r3' | 'r4' | 'r5' | 'text' | 'textHint' | 'spokenCount'
  | 'author' | 'shownAs' | 'anonymous' | 'photos' | 'addPhotos' | 'note' | 'submit' | 'offline' | 'kept';

// The words a fan reads only once they write or send are in send.ts, loaded on the first edit.
// The counter shows 12/2000; `spokenCount` is what a screen reader says, since "12/2000"
// is read as "12 slash 2000" (or as a date). The masked name is shown, never spoken as a
// name: 王**明 is read as "王星星明".
export const messages: Messages<Key> = {
  en: {
    title: 'Write a review',
    rating: 'Your rating',
    star: '1 star',
    stars: '{n} stars',
    r1: 'Poor',
    r2: 'Fair',
    r3: 'Good',
    r4: 'Very good',
    r5: 'Excellent',
    text: 'Your review',
    textHint: 'How does it look and feel in real life? What did you like?',
    spokenCount: '{n} of {max} characters',
    author: 'Name to show (optional)',
    shownAs: 'Shown masked, as {name}',
    anonymous: 'Anonymous buyer',
    photos: 'Photos (up to {max})',
    addPhotos: 'Add photos',
    note: 'Published once the shop has checked it: your stars, words, photos and the name shown above. Photos are made smaller on your device, without their location.',
    submit: 'Post review',
    offline: 'Your review could not be sent. Check your connection and try again.',
    kept: 'Everything you wrote is kept.',
  },
  'zh-CN': {
    title: '评价晒单',
    rating: '商品评分',
    star: '1 星',
    stars: '{n} 星',
    r1: '非常差',
    r2: '差',
    r3: '一般',
    r4: '好',
    r5: '非常好',
    text: '评价内容',
    textHint: '说说使用感受吧：质量怎么样？和图片一致吗？',
    spokenCount: '已输入 {n} 字，最多 {max} 字',
    author: '昵称（选填）',
    shownAs: '昵称将匿名显示为{name}',
    anonymous: '匿名买家',
    photos: '晒图（最多 {max} 张）',
    addPhotos: '添加照片',
    note: '商家审核后公开展示评分、评价、照片和上面显示的昵称。照片会先在你的设备上压缩，并去掉拍摄地点信息。',
    submit: '发表评价',
    offline: '评价没能发送，请检查网络后重试。',
    kept: '已填写的内容都还在。',
  },
};
