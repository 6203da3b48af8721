-- Pantau's tables in PostgreSQL (SPEC §8). `--jdbc-url` runs these statements when it starts, so they
-- must stay idempotent (IF NOT EXISTS). deploy/postgres/schema.sql is a copy, checked equal by a test.
-- KPI columns are named by the field's path in the JSON record with _ for . (engagement.total is
-- engagement_total); a field a record lacks is NULL, never 0. Maps and lists are jsonb.

CREATE TABLE IF NOT EXISTS kpi_series (
  brand text NOT NULL,
  "group" text,
  "window" text NOT NULL,
  start timestamptz NOT NULL,
  "end" timestamptz NOT NULL,
  source text NOT NULL,
  mentions bigint NOT NULL,
  unique_authors bigint,
  reach bigint,
  impressions bigint,
  engagement_likes bigint,
  engagement_comments bigint,
  engagement_shares bigint,
  engagement_quotes bigint,
  engagement_bookmarks bigint,
  engagement_total bigint,
  sentiment_positive bigint,
  sentiment_neutral bigint,
  sentiment_negative bigint,
  sentiment_unscored bigint,
  sentiment_net double precision,
  sentiment_mean double precision,
  share_of_voice double precision,
  employee_mentions bigint,
  employee_authors bigint,
  employee_reach bigint,
  employee_engagement bigint,
  employee_participation double precision,
  copies bigint,
  leads bigint,
  followers_end bigint,
  followers_growth bigint,
  topics jsonb,
  revision integer NOT NULL,
  PRIMARY KEY (brand, "window", start, source)
);

-- dashboards select one window and source over a time range
CREATE INDEX IF NOT EXISTS kpi_series_window_source_start ON kpi_series ("window", source, start);

CREATE TABLE IF NOT EXISTS alerts (
  id text PRIMARY KEY,
  status text NOT NULL,
  rule text NOT NULL,
  type text,
  brand text NOT NULL,
  severity text,
  metric text,
  "window" text,
  start timestamptz NOT NULL,
  "end" timestamptz NOT NULL,
  resolved_at timestamptz,
  observed double precision,
  expected double precision,
  score double precision,
  message text,
  top_terms jsonb,
  sample_mentions jsonb
);

CREATE INDEX IF NOT EXISTS alerts_brand_start ON alerts (brand, start);

-- one row per matched brand of an enriched mention (SPEC §6)
CREATE TABLE IF NOT EXISTS mentions (
  source text NOT NULL,
  id text NOT NULL,
  brand text NOT NULL,
  created_at timestamptz NOT NULL,
  lang text,
  title text,
  text text,
  url text,
  country text,
  author_id text,
  author_handle text,
  author_name text,
  author_followers bigint,
  author_employee boolean,
  metrics_likes bigint,
  metrics_comments bigint,
  metrics_shares bigint,
  metrics_views bigint,
  metrics_quotes bigint,
  metrics_bookmarks bigint,
  reach bigint,
  parent_id text,
  is_repost boolean,
  brands jsonb,
  topics jsonb,
  matched_terms jsonb,
  matched_terms_omitted jsonb,
  sentiment_score double precision,
  sentiment_label text,
  employee boolean,
  copy_of text,
  PRIMARY KEY (source, id, brand)
);

CREATE INDEX IF NOT EXISTS mentions_brand_created_at ON mentions (brand, created_at);

-- one row per social lead: a mention and brand (SPEC §4b); a lead is never withdrawn
CREATE TABLE IF NOT EXISTS leads (
  source text NOT NULL,
  id text NOT NULL,
  brand text NOT NULL,
  topics jsonb,
  author_handle text,
  author_followers bigint,
  text text,
  url text,
  created_at timestamptz NOT NULL,
  lang text,
  sentiment text,
  PRIMARY KEY (source, id, brand)
);

CREATE INDEX IF NOT EXISTS leads_brand_created_at ON leads (brand, created_at);

-- the employee advocacy leaderboard (SPEC §4c); a row is replaced only by a higher revision
CREATE TABLE IF NOT EXISTS advocacy (
  brand text NOT NULL,
  period text NOT NULL,
  start timestamptz NOT NULL,
  "end" timestamptz NOT NULL,
  employee text NOT NULL,
  posts bigint NOT NULL,
  original_posts bigint,
  copies bigint,
  reach bigint,
  engagement_likes bigint,
  engagement_comments bigint,
  engagement_shares bigint,
  engagement_total bigint,
  points double precision,
  rank integer,
  revision integer NOT NULL,
  PRIMARY KEY (brand, period, start, employee)
);

-- target progress (SPEC §4d): each target and period as of its newest figures; a row is replaced
-- only by a higher revision
CREATE TABLE IF NOT EXISTS targets (
  brand text NOT NULL,
  metric text NOT NULL,
  period text NOT NULL,
  start timestamptz NOT NULL,
  "end" timestamptz NOT NULL,
  as_of timestamptz NOT NULL,
  target double precision NOT NULL,
  actual bigint NOT NULL,
  expected_by_now double precision,
  pace double precision,
  projected double precision,
  status text,
  revision integer NOT NULL,
  PRIMARY KEY (brand, metric, period, start)
);
