// The package entry defines <fan-buyer-show> (the embed loader imports it for that);
// import './fan-buyer-show.js' instead for the class alone, to register it yourself.
import './define.js';

export { FanBuyerShow } from './fan-buyer-show.js';
export { readFeed, type Review, type Photo, type Product, type FeedResult } from './logic/feed.js';
export { maskName, FILTERS, type Filter } from './logic/reviews.js';
