import type { Config } from '../config.js';
import { ReferralStore } from './referrals.js';
import { RewardLedger } from './rewards.js';
import type { StateStore } from './state.js';

/** The default state store: the ledger and the invites in the `--db` file; the salts stay with the events. */
export class SqliteState implements StateStore {
  readonly kind = 'sqlite';
  readonly ledger: RewardLedger;
  readonly referrals: ReferralStore;
  readonly salts = undefined;

  constructor(config: Config) {
    this.ledger = new RewardLedger(config.db, config);
    this.referrals = new ReferralStore(config.db, config);
  }

  async close(): Promise<void> {
    this.ledger.close();
    this.referrals.close();
  }
}
