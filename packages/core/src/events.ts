// Every public fan-* event, declared once. Widgets send them through FanElement.emit();
// the beacon and host pages listen for the same events at the document.

export interface FanShareDetail {
  /** The network's name as written in the `networks` attribute, e.g. `weibo`. */
  network: string;
  /** The URL that is shared, with UTM parameters when `utm` is set. */
  url: string;
}
export interface FanGameStartDetail {
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
export interface FanCardShareDetail {
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
}

export type FanEventName = keyof FanEventDetails;

export type FanEventMap = { [K in FanEventName]: CustomEvent<FanEventDetails[K]> };

// Every key of FanEventDetails must appear here, or this does not compile: a new event
// cannot be left out of what the beacon reports.
const ALL: Record<FanEventName, true> = {
  'fan-share': true,
  'fan-game-start': true,
  'fan-game-over': true,
  'fan-reward': true,
  'fan-card-create': true,
  'fan-card-export': true,
  'fan-card-share': true,
  'fan-review-open': true,
  'fan-review-click': true,
  'fan-slide-change': true,
};

/** The names of every fan-* event, for listeners that want them all (the beacon). */
export const FAN_EVENTS = Object.keys(ALL) as FanEventName[];

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends FanEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DocumentEventMap extends FanEventMap {}
}
