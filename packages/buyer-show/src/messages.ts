import type { Messages } from '@fanfare/core';

type Key =
  | 'carousel' | 'carouselRole' | 'slideRole' | 'position' | 'spokenPosition' | 'slide' | 'prev' | 'next' | 'pause'
  | 'play' | 'show' | 'all' | 'photos' | 'five' | 'stars' | 'average' | 'reviews' | 'review' | 'verified'
  | 'anonymous' | 'buyer' | 'shop' | 'product' | 'photoBy' | 'openPhotos' | 'close' | 'photoPos' | 'prevPhoto'
  | 'nextPhoto' | 'loading' | 'unavailable' | 'empty' | 'lightbox';

/** The translator every part of the widget is handed (the lightbox included). */
export type Translate = (key: Key, vars?: Record<string, string | number>) => string;

// `position` is what the eye reads; `spokenPosition` is what a screen reader says, since
// "3 / 8" is read as "3 slash 8" (or as a fraction, or a date).
// `buyer` stands in for a masked name in labels that are spoken: 王**明 is read as a
// name ("王星星明"), so the alt text and the dialog say 买家的晒图 instead.
export const messages: Messages<Key> = {
  en: {
    carousel: 'Customer photos and reviews',
    carouselRole: 'carousel',
    slideRole: 'slide',
    position: '{n} of {total}',
    spokenPosition: 'Review {n} of {total}',
    slide: 'Review {n} of {total}',
    prev: 'Previous review',
    next: 'Next review',
    pause: 'Pause slideshow',
    play: 'Play slideshow',
    show: 'Show',
    all: 'All',
    photos: 'With photos',
    five: '5 stars',
    stars: '{n} out of 5 stars',
    average: 'Average rating {n} out of 5',
    reviews: '{count} reviews',
    review: '1 review',
    verified: 'Verified buyer',
    anonymous: 'Anonymous buyer',
    buyer: 'a customer',
    shop: 'Shop this look',
    product: ': {name}',
    photoBy: 'Photo from {name}',
    openPhotos: '(open photos: {count})',
    close: 'Close',
    photoPos: 'Photo {n} of {total}',
    prevPhoto: 'Previous photo',
    nextPhoto: 'Next photo',
    loading: 'Loading reviews…',
    unavailable: 'Reviews are not available right now.',
    empty: 'No reviews match this filter yet.',
    lightbox: 'Photos from {name}',
  },
  'zh-CN': {
    carousel: '买家秀',
    carouselRole: '轮播',
    slideRole: '评价卡片',
    position: '{n} / {total}',
    spokenPosition: '第 {n} 条，共 {total} 条',
    slide: '第 {n} 条评价，共 {total} 条',
    prev: '上一条评价',
    next: '下一条评价',
    pause: '暂停轮播',
    play: '继续轮播',
    show: '筛选',
    all: '全部',
    photos: '有图',
    five: '五星好评',
    stars: '{n} 星（满分 5 星）',
    average: '平均 {n} 星（满分 5 星）',
    reviews: '{count} 条评价',
    review: '1 条评价',
    verified: '已购买',
    anonymous: '匿名买家',
    buyer: '买家',
    shop: '买同款',
    product: '：{name}',
    photoBy: '{name}的晒图',
    openPhotos: '（查看大图，共 {count} 张）',
    close: '关闭',
    photoPos: '第 {n} 张，共 {total} 张',
    prevPhoto: '上一张',
    nextPhoto: '下一张',
    loading: '正在加载评价…',
    unavailable: '评价暂时无法显示',
    empty: '暂无符合条件的评价',
    lightbox: '{name}的晒图',
  },
};
