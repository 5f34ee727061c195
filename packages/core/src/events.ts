// Every public fan-* event, declared once. Widgets send them through FanElement.emit();
// the beacon and host pages listen for the same events at the document.

/** What every event of a link leaving the page carries (DESIGN.md, "Attribution"). */
export interface FanShareRef {
  /** The share token put in the shared link as `fanref`, fresh for this share action. */
  ref: string;
  /** The token this page view arrived with, if it was opened from a shared link: the chain of tokens gives generations. */
  parent?: string;
}
export interface FanShareDetail extends FanShareRef {
  /** The network's name as written in the `networks` attribute, e.g. `weibo`. */
  network: string;
  /** The URL that is shared, with UTM parameters when `utm` is set, and `fanref=<ref>`. */
  url: string;
}
export interface FanGameStartDetail {
  campaign: string;
}
/** `<fan-invite>` got the fan's own invite link from the server (not when it shows one kept on the device). */
export interface FanInviteStartDetail {
  campaign: string;
}
export interface FanGameOverDetail {
  score: number;
  maxTile: number;
  moves: number;
}
export interface FanRewardDetail {
  title: string;
  tier: number;
  code?: string;
}
export interface FanCardCreateDetail {
  template: string;
}
export interface FanCardExportDetail {
  format: string;
  bytes: number;
}
/** `ref` and `parent` for the channels that send the card's link (`link`, `copy`, `files`); not for `download` or `wechat`. */
export interface FanCardShareDetail extends Partial<FanShareRef> {
  channel: string;
}
export interface FanReviewOpenDetail {
  id: string;
}
export interface FanReviewClickDetail {
  id: string;
  url: string;
}
export interface FanSlideChangeDetail {
  index: number;
}
/** A review the server took: its id, whether it waits for a moderator, and how many photos it carries. */
export interface FanReviewSubmitDetail {
  id: string;
  status: 'pending' | 'published';
  photos: number;
}

export interface FanEventDetails {
  'fan-share': FanShareDetail;
  'fan-game-start': FanGameStartDetail;
  'fan-game-over': FanGameOverDetail;
  'fan-reward': FanRewardDetail;
  'fan-card-create': FanCardCreateDetail;
  'fan-card-export': FanCardExportDetail;
  'fan-card-share': FanCardShareDetail;
  'fan-review-open': FanReviewOpenDetail;
  'fan-review-click': FanReviewClickDetail;
  'fan-slide-change': FanSlideChangeDetail;
  'fan-invite-start': FanInviteStartDetail;
  'fan-review-submit': FanReviewSubmitDetail;
}

export type FanEventName = keyof FanEventDetails;

export type FanEventMap = { [K in FanEventName]: CustomEvent<FanEventDetails[K]> };

/** The names of every fan-* event, for listeners that want them all (the beacon). */
export const FAN_EVENTS = [
  'fan-share',
  'fan-game-start',
  'fan-game-over',
  'fan-reward',
  'fan-card-create',
  'fan-card-export',
  'fan-card-share',
  'fan-review-open',
  'fan-review-click',
  'fan-slide-change',
  'fan-invite-start',
  'fan-review-submit',
] as const satisfies readonly FanEventName[];

// An event added to FanEventDetails but not to the list above fails to compile here, so
// the beacon can never miss one.
type Unlisted = Exclude<FanEventName, (typeof FAN_EVENTS)[number]>;
type Holds<T extends true> = T;
export type EveryEventListed = Holds<[Unlisted] extends [never] ? true : false>;

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends FanEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DocumentEventMap extends FanEventMap {}
}
