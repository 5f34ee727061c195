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
  {
    version: 2,
    sql: `
-- Buyer shows, as in SQLite (reviews.ts).
CREATE TABLE reviews (
  id         text PRIMARY KEY,
  site       text NOT NULL,
  product    text NOT NULL,
  rating     integer NOT NULL,
  text       text NOT NULL,
  author     text NOT NULL,
  order_id   text,
  verified   boolean NOT NULL,
  status     text NOT NULL,
  flags      text NOT NULL,
  client     text NOT NULL,
  text_hash  text NOT NULL,
  reason     text,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);
CREATE INDEX reviews_queue ON reviews (site, status, created_at);
CREATE INDEX reviews_feed ON reviews (site, product, status, created_at);
CREATE INDEX reviews_same_text ON reviews (site, product, client, text_hash);
-- One review per verified order and product, whatever races.
CREATE UNIQUE INDEX reviews_one_per_order ON reviews (site, product, order_id) WHERE verified;
CREATE TABLE review_photos (
  review text NOT NULL,
  n      integer NOT NULL,
  file   text NOT NULL UNIQUE,
  width  integer NOT NULL,
  height integer NOT NULL,
  bytes  integer NOT NULL,
  PRIMARY KEY (review, n)
);
CREATE TABLE review_history (
  seq         bigserial PRIMARY KEY,
  review      text NOT NULL,
  site        text NOT NULL,
  at          bigint NOT NULL,
  by          text NOT NULL,
  action      text NOT NULL,
  from_status text,
  to_status   text NOT NULL,
  reason      text
);
CREATE INDEX review_history_site ON review_history (site, seq);
CREATE INDEX review_history_review ON review_history (review, seq);
CREATE FUNCTION review_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'review_history is append-only';
END $$;
CREATE TRIGGER review_history_no_change BEFORE UPDATE OR DELETE ON review_history
  FOR EACH ROW EXECUTE FUNCTION review_history_append_only();
`,
  },
  {
    version: 3,
    sql: `
-- WeChat's access token and jsapi ticket per account, and who may ask WeChat for the next.
CREATE TABLE wechat_grants (
  key     text PRIMARY KEY,
  value   text NOT NULL,
  expires bigint NOT NULL,
  due     bigint NOT NULL
);
CREATE TABLE wechat_leases (
  key    text PRIMARY KEY,
  holder text NOT NULL,
  until  bigint NOT NULL
);
`,
  },
  {
    version: 4,
    sql: `
-- Buyer-show photos (postgres-media.ts), so every process serves every photo. A row is
-- committed before the review naming it (review_photos.file); rows no review names are what a
-- crash left, deleted by the sweep once older than orphanMinutes (by created_at, the
-- database's clock). JPEG bytes do not compress: stored out of line as they are, not tried
-- with pglz first.
CREATE TABLE media_files (
  name       text PRIMARY KEY,
  data       bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE media_files ALTER COLUMN data SET STORAGE EXTERNAL;
`,
  },
];
