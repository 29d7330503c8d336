-- The dyad event store: one SQLite 3 file (dyad ingest / query / series /
-- export; dyad_store_* in include/dyad.h; rules in docs/store.md).
--
-- This file is the schema: the build compiles it into the library
-- (src/store/store.c), which applies it to a new database in one
-- transaction. Dates are ISO text 'YYYY-MM-DD' (NULL when unknown), so
-- they sort in time order and SQLite's date functions read them.

PRAGMA user_version = 1;

-- What the store was made with. Keys: 'schema' (1), 'window_days' (the
-- de-duplication window, fixed when the database is made), 'created'
-- (UTC 'YYYY-MM-DD HH:MM:SS'), 'dyad' (the version that made it).
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Every story an ingest read, once, whatever became of it.
CREATE TABLE stories (
  id         INTEGER PRIMARY KEY,
  story_id   TEXT NOT NULL UNIQUE, -- the input's story id (reader
                                   -- rejections: 'input:line')
  hash       INTEGER NOT NULL,     -- content hash (dyad_doc_hash); a new
                                   -- hash under a known story_id replaces
  story_date TEXT,
  input      TEXT,                 -- the file it was read from
  publisher  TEXT,                 -- the news source, when the input names it
  url        TEXT,
  outcome    TEXT NOT NULL
             CHECK (outcome IN ('coded', 'no_events', 'discarded', 'rejected')),
  reason     TEXT,                 -- why discarded or rejected; for a coded
                                   -- story, a sentence that was skipped
  sentences  INTEGER NOT NULL,     -- sentences found (0 when rejected)
  events     INTEGER NOT NULL,     -- event rows stored for it
  ingested   TEXT NOT NULL         -- UTC 'YYYY-MM-DD HH:MM:SS'
);

-- The sentences that gave events, with their place in the story text
-- (byte offsets, half-open; the headline is sentence 0).
CREATE TABLE sentences (
  story     INTEGER NOT NULL REFERENCES stories (id),
  sentence  INTEGER NOT NULL,
  start     INTEGER NOT NULL,
  end       INTEGER NOT NULL,
  text      TEXT NOT NULL,
  PRIMARY KEY (story, sentence)
) WITHOUT ROWID;

-- De-duplicated events: the reports of one event (same source, target,
-- event code and location, event dates within the window of the date
-- that opened the cluster) from any number of stories.
CREATE TABLE clusters (
  id          INTEGER PRIMARY KEY,
  source      TEXT NOT NULL,       -- actor codes, '' when none
  target      TEXT NOT NULL,
  code        TEXT NOT NULL,       -- CAMEO event code
  root        TEXT NOT NULL,       -- CAMEO root code
  quad_class  INTEGER NOT NULL,    -- 1-4 (0: not a CAMEO code)
  goldstein   REAL,                -- GDELT's scale; NULL off CAMEO
  location    TEXT NOT NULL,       -- the location key (docs/store.md)
  country     TEXT,                -- where: ISO 3166-1 alpha-3, when known
  admin1      TEXT,                -- first-level region
  place       TEXT,                -- the gazetteer's name of the place,
                                   --   else the place text
  lat         REAL,                -- degrees, WGS84
  lon         REAL,
  geo_precision TEXT,              -- place, admin1, country, or NULL
  event_date  TEXT,                -- the date that opened the cluster
  first_date  TEXT,                -- earliest and latest event date
  last_date   TEXT,                --   of its reports
  mentions    INTEGER NOT NULL,    -- reports (event rows)
  stories     INTEGER NOT NULL,    -- distinct stories among them
  added       TEXT NOT NULL        -- UTC time the cluster was made
);
CREATE INDEX clusters_key ON clusters (source, target, code, location, event_date);
CREATE INDEX clusters_target ON clusters (target, source);
CREATE INDEX clusters_date ON clusters (event_date);

-- One row per coded event report: every field of `dyad code --format
-- jsonl`, its sentence and story, and its cluster.
CREATE TABLE events (
  id              INTEGER PRIMARY KEY,
  story           INTEGER NOT NULL REFERENCES stories (id),
  sentence        INTEGER NOT NULL,
  source          TEXT NOT NULL,
  target          TEXT NOT NULL,
  code            TEXT NOT NULL,
  root            TEXT NOT NULL,
  quad_class      INTEGER NOT NULL,
  goldstein       REAL,
  plover_type     TEXT,            -- PLOVER event type, mode, contexts
  plover_mode     TEXT,
  plover_context  TEXT,
  source_text     TEXT NOT NULL,
  target_text     TEXT NOT NULL,
  verb_text       TEXT NOT NULL,
  modality        TEXT NOT NULL,   -- fact, claim, hedged, future, ...
  negated         INTEGER NOT NULL,
  rule            TEXT,            -- dictionary file:line
  event_date      TEXT,            -- the text's date, else the story date
  date_precision  TEXT NOT NULL,   -- story, day, week, month, year, unknown
  date_approximate INTEGER NOT NULL,
  date_text       TEXT,            -- the words that date it
  country         TEXT,            -- the event's location: ISO3 country,
  admin1          TEXT,            --   region, the gazetteer's place name,
  place           TEXT,            --   coordinates and their precision
  lat             REAL,
  lon             REAL,
  geo_precision   TEXT,            -- place, admin1, country; NULL: none
  place_text      TEXT,            -- the location's words in the text
  place_code      TEXT,            -- the place phrase's actor country code
  fatalities      INTEGER,         -- NULL when the text gives none
  wounded         INTEGER,         -- NULL when the text gives none
  count_text      TEXT,            -- the words of the count
  count_qualifier TEXT,            -- exact, at_least, at_most, approximate,
                                   --   vague; NULL when no count
  source_start    INTEGER, source_end INTEGER, -- byte spans in the story
  target_start    INTEGER, target_end INTEGER, --   text; NULL when absent
  verb_start      INTEGER, verb_end   INTEGER,
  place_start     INTEGER, place_end  INTEGER,
  cluster         INTEGER NOT NULL REFERENCES clusters (id)
);
-- Queries of raw reports filter on their cluster, which has the same
-- source, target, code and country, through the clusters' indexes.
CREATE INDEX events_story ON events (story);
CREATE INDEX events_cluster ON events (cluster);
