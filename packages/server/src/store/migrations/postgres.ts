// PostgreSQL's schema, one step per version, applied in order at start (postgres.ts runs
// them under an advisory lock, so processes starting together apply each step once). A
// released step is never edited: a change is a new step.

export interface Migration {
  version: number;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
-- One table of single-use codes for every pool, as in SQLite (rewards.ts): \`campaign\` is the
-- pool, \`game\` the holder. \`seq\` keeps a listed pool's order: codes go out as listed.
CREATE TABLE reward_codes (
  seq        bigserial NOT NULL,
  campaign   text NOT NULL,
  tier       integer NOT NULL,
  code       text NOT NULL,
  game       text,
  claimed_at bigint,
  PRIMARY KEY (campaign, code)
);
CREATE INDEX reward_codes_free ON reward_codes (campaign, tier, seq) WHERE game IS NULL;
CREATE TABLE reward_claims (
  game     text NOT NULL,
  tier     integer NOT NULL,
  campaign text NOT NULL,
  player   text NOT NULL,
  day      text NOT NULL,
  code     text NOT NULL,
  at       bigint NOT NULL,
  PRIMARY KEY (game, tier)
);
CREATE INDEX reward_claims_day ON reward_claims (campaign, day, player);
CREATE TABLE reward_starts (
  campaign text NOT NULL,
  player   text NOT NULL,
  day      text NOT NULL,
  count    integer NOT NULL,
  PRIMARY KEY (campaign, player, day)
);
CREATE TABLE referrals (
  ref      text PRIMARY KEY,
  campaign text NOT NULL,
  site     text NOT NULL,
  player   text NOT NULL,
  day      text NOT NULL,
  holdout  boolean NOT NULL,
  created  bigint NOT NULL,
  expires  bigint NOT NULL
);
CREATE INDEX referrals_player_day ON referrals (campaign, player, day);
CREATE INDEX referrals_created ON referrals (campaign, created);
CREATE TABLE referral_owners (
  ref text NOT NULL,
  vh  text NOT NULL,
  PRIMARY KEY (ref, vh)
);
CREATE TABLE referral_claims (
  ref      text PRIMARY KEY,
  campaign text NOT NULL,
  code     text NOT NULL,
  at       bigint NOT NULL
);
CREATE INDEX referral_claims_at ON referral_claims (campaign, at);
CREATE TABLE salts (
  day  text PRIMARY KEY,
  salt text NOT NULL
);
`,
  },
];
