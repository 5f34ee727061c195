import type { Config } from '../config.js';
import { ReferralStore } from './referrals.js';
import { ReviewStore } from './reviews.js';
import { RewardLedger } from './rewards.js';
import type { StateStore } from './state.js';

/** The default state store: the ledger, the invites and the reviews in the `--db` file; the salts stay with the events. */
export class SqliteState implements StateStore {
  readonly kind = 'sqlite';
  readonly ledger: RewardLedger;
  readonly referrals: ReferralStore;
  readonly reviews: ReviewStore;
  readonly salts = undefined;
  readonly grants = undefined;
  readonly media = undefined;

  constructor(config: Config) {
    this.ledger = new RewardLedger(config.db, config);
    this.referrals = new ReferralStore(config.db, config);
    this.reviews = new ReviewStore(config.db, { synchronous: config.sqliteSync });
  }

  async close(): Promise<void> {
    this.ledger.close();
    this.referrals.close();
    this.reviews.close();
  }
}
