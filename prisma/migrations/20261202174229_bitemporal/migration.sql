-- Bitemporal facts: every dated fact carries when it took effect and when it became public
-- (known_on), ownership and company groups become dated facts, and the capacity rule gets one SQL
-- definition (capacity_steps_known, below) that every figure reads. docs/decisions/007-bitemporal-capacity.md.
--
-- Hand-written around Prisma's diff: new NOT NULL columns are added nullable, filled from what the
-- database holds, then made NOT NULL, so a database with data migrates. Function bodies are
-- dollar-quoted: scripts/db/schema-engine.ts hands them to Prisma's engine (which splits scripts at
-- every semicolon) as escape strings, so comments in this file must not contain semicolons.

-- ---------------------------------------------------------------------------
-- 1. The old rollup goes (its tables are rebuilt bitemporally in section 4).
-- ---------------------------------------------------------------------------
DROP TRIGGER "rollup_insert" ON "capacity_announcement";
DROP TRIGGER "rollup_update" ON "capacity_announcement";
DROP TRIGGER "rollup_delete" ON "capacity_announcement";
DROP TRIGGER "rollup_truncate" ON "capacity_announcement";
DROP TRIGGER "rollup_insert" ON "plant_status_event";
DROP TRIGGER "rollup_update" ON "plant_status_event";
DROP TRIGGER "rollup_delete" ON "plant_status_event";
DROP TRIGGER "rollup_truncate" ON "plant_status_event";
DROP FUNCTION "capacity_rollup_announcements_changed"();
DROP FUNCTION "capacity_rollup_status_events_changed"();
DROP FUNCTION "capacity_rollup_refresh_steps"(int[]);
DROP FUNCTION "capacity_rollup_refresh_status"(int[]);
DROP TABLE "plant_capacity_step";
DROP TABLE "plant_current_status";
DROP TABLE "capacity_rollup_state";

-- ---------------------------------------------------------------------------
-- 2. Sources: tier and language.
-- ---------------------------------------------------------------------------
CREATE TYPE "SourceTier" AS ENUM ('primary', 'major', 'trade', 'weak');
ALTER TABLE "source" ADD COLUMN "language" VARCHAR(2), ADD COLUMN "tier" "SourceTier" NOT NULL DEFAULT 'trade';
ALTER TABLE "source" ADD CONSTRAINT "source_language_format" CHECK ("language" IS NULL OR "language" ~ '^[a-z]{2}$');
CREATE INDEX "source_tier_idx" ON "source"("tier");

-- The last day of the period a date stands for: a fact published "in March 2023" was surely
-- public by 31 March, one published "in 2023" by 31 December.
CREATE FUNCTION "period_end"(d date, p "DatePrecision") RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE p
    WHEN 'day' THEN d
    WHEN 'month' THEN (date_trunc('month', d) + interval '1 month' - interval '1 day')::date
    ELSE (date_trunc('year', d) + interval '1 year' - interval '1 day')::date
  END
$$;

-- The earliest day a fact citing this source can be known: the end of its publication period.
CREATE FUNCTION "source_known_from"(source_id int) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT period_end(s.published_on, s.date_precision) FROM source s WHERE s.id = source_id
$$;

-- ---------------------------------------------------------------------------
-- 3. known_on on every dated fact, filled from the facts' sources.
-- ---------------------------------------------------------------------------
ALTER TABLE "capacity_announcement" ADD COLUMN "known_on" DATE;
UPDATE "capacity_announcement" a
   SET "known_on" = GREATEST(a."announced_on", COALESCE(source_known_from(a."source_id"), period_end(a."announced_on", a."date_precision")));
ALTER TABLE "capacity_announcement" ALTER COLUMN "known_on" SET NOT NULL;
CREATE INDEX "capacity_announcement_known_on_idx" ON "capacity_announcement"("known_on");

ALTER TABLE "plant_status_event" ADD COLUMN "known_on" DATE;
UPDATE "plant_status_event" e
   SET "known_on" = COALESCE(source_known_from(e."source_id"), period_end(e."effective_on", e."date_precision"));
ALTER TABLE "plant_status_event" ALTER COLUMN "known_on" SET NOT NULL;
CREATE INDEX "plant_status_event_known_on_idx" ON "plant_status_event"("known_on");

ALTER TABLE "region_claim" ADD COLUMN "known_on" DATE, ADD COLUMN "verified" BOOLEAN NOT NULL DEFAULT false;
UPDATE "region_claim" c SET "known_on" = COALESCE(source_known_from(c."source_id"), (c."created_at" AT TIME ZONE 'UTC')::date);
ALTER TABLE "region_claim" ALTER COLUMN "known_on" SET NOT NULL;

-- Plant operators as dated facts. Existing plants get one row from their first status event (the
-- date the tracker first knew the plant), so every as-of view still has an operator.
CREATE TABLE "plant_operator" (
    "id" SERIAL NOT NULL,
    "ref" TEXT NOT NULL,
    "plant_id" INTEGER NOT NULL,
    "company_id" INTEGER NOT NULL,
    "effective_on" DATE NOT NULL,
    "date_precision" "DatePrecision" NOT NULL DEFAULT 'day',
    "known_on" DATE NOT NULL,
    "source_id" INTEGER,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),
    CONSTRAINT "plant_operator_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "plant_operator_ref_key" ON "plant_operator"("ref");
CREATE INDEX "plant_operator_plant_id_effective_on_idx" ON "plant_operator"("plant_id", "effective_on");
CREATE INDEX "plant_operator_company_id_idx" ON "plant_operator"("company_id");
ALTER TABLE "plant_operator" ADD CONSTRAINT "plant_operator_plant_id_fkey" FOREIGN KEY ("plant_id") REFERENCES "plant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "plant_operator" ADD CONSTRAINT "plant_operator_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "plant_operator" ADD CONSTRAINT "plant_operator_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
INSERT INTO "plant_operator" ("ref", "plant_id", "company_id", "effective_on", "date_precision", "known_on", "source_id", "note")
SELECT p."ref" || '/O1', p."id", p."operator_id",
       COALESCE(first."effective_on", (p."created_at" AT TIME ZONE 'UTC')::date), COALESCE(first."date_precision", 'day'),
       COALESCE(first."known_on", (p."created_at" AT TIME ZONE 'UTC')::date), first."source_id",
       'Migrated from the undated operator field.'
FROM "plant" p
LEFT JOIN LATERAL (
  SELECT e."effective_on", e."date_precision", e."known_on", e."source_id" FROM "plant_status_event" e
  WHERE e."plant_id" = p."id" AND e."deleted_at" IS NULL ORDER BY e."effective_on", e."id" LIMIT 1
) first ON TRUE;

-- Partner stakes as dated facts, from the same first status event.
DROP INDEX "plant_partner_plant_id_company_id_key";
ALTER TABLE "plant_partner"
  ADD COLUMN "ref" TEXT, ADD COLUMN "ended" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "effective_on" DATE, ADD COLUMN "date_precision" "DatePrecision" NOT NULL DEFAULT 'day',
  ADD COLUMN "known_on" DATE, ADD COLUMN "source_id" INTEGER,
  ADD COLUMN "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, ADD COLUMN "deleted_at" TIMESTAMPTZ(3);
UPDATE "plant_partner" pp
   SET "ref" = p."ref" || '/P' || pp."id", "effective_on" = o."effective_on", "date_precision" = o."date_precision",
       "known_on" = o."known_on", "note" = concat_ws(' ', 'Migrated from the undated partner list.', pp."note")
  FROM "plant" p JOIN "plant_operator" o ON o."plant_id" = p."id"
 WHERE p."id" = pp."plant_id";
ALTER TABLE "plant_partner" ALTER COLUMN "ref" SET NOT NULL, ALTER COLUMN "effective_on" SET NOT NULL, ALTER COLUMN "known_on" SET NOT NULL;
CREATE UNIQUE INDEX "plant_partner_ref_key" ON "plant_partner"("ref");
CREATE INDEX "plant_partner_plant_id_company_id_effective_on_idx" ON "plant_partner"("plant_id", "company_id", "effective_on");
ALTER TABLE "plant_partner" ADD CONSTRAINT "plant_partner_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Company groups as dated facts, from the undated parent links (known since they were recorded).
CREATE TABLE "company_parent" (
    "id" SERIAL NOT NULL,
    "company_id" INTEGER NOT NULL,
    "parent_id" INTEGER NOT NULL,
    "stake_pct" DECIMAL(5,2),
    "ended" BOOLEAN NOT NULL DEFAULT false,
    "effective_on" DATE NOT NULL,
    "date_precision" "DatePrecision" NOT NULL DEFAULT 'day',
    "known_on" DATE NOT NULL,
    "source_id" INTEGER,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),
    CONSTRAINT "company_parent_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "company_parent_company_id_parent_id_effective_on_key" ON "company_parent"("company_id", "parent_id", "effective_on");
CREATE INDEX "company_parent_parent_id_idx" ON "company_parent"("parent_id");
ALTER TABLE "company_parent" ADD CONSTRAINT "company_parent_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "company_parent" ADD CONSTRAINT "company_parent_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "company_parent" ADD CONSTRAINT "company_parent_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
INSERT INTO "company_parent" ("company_id", "parent_id", "effective_on", "known_on", "note")
SELECT c."id", c."parent_id", (c."created_at" AT TIME ZONE 'UTC')::date, (c."created_at" AT TIME ZONE 'UTC')::date,
       'Migrated from the undated parent link.'
FROM "company" c WHERE c."parent_id" IS NOT NULL;
ALTER TABLE "company" DROP CONSTRAINT "company_not_own_parent";
ALTER TABLE "company" DROP CONSTRAINT "company_parent_id_fkey";
DROP INDEX "company_parent_id_idx";
ALTER TABLE "company" DROP COLUMN "parent_id";

-- Contract histories, from each contract's signing and its last status change.
CREATE TABLE "contract_event" (
    "id" SERIAL NOT NULL,
    "ref" TEXT NOT NULL,
    "contract_id" INTEGER NOT NULL,
    "status" "ContractStatus" NOT NULL,
    "effective_on" DATE NOT NULL,
    "date_precision" "DatePrecision" NOT NULL DEFAULT 'day',
    "known_on" DATE NOT NULL,
    "source_id" INTEGER,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),
    CONSTRAINT "contract_event_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "contract_event_ref_key" ON "contract_event"("ref");
CREATE INDEX "contract_event_contract_id_effective_on_idx" ON "contract_event"("contract_id", "effective_on");
CREATE INDEX "contract_event_known_on_idx" ON "contract_event"("known_on");
ALTER TABLE "contract_event" ADD CONSTRAINT "contract_event_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "contract_event" ADD CONSTRAINT "contract_event_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
INSERT INTO "contract_event" ("ref", "contract_id", "status", "effective_on", "date_precision", "known_on", "note")
SELECT c."ref" || '/E1', c."id", c."status",
       COALESCE(c."status_changed_on", c."signed_on", (c."created_at" AT TIME ZONE 'UTC')::date), 'day',
       GREATEST(COALESCE(c."status_changed_on", c."signed_on", (c."created_at" AT TIME ZONE 'UTC')::date), (c."created_at" AT TIME ZONE 'UTC')::date),
       'Migrated from the contract''s status.'
FROM "contract" c;

-- Figures other trackers published, for reconciliation.
CREATE TABLE "tracker_figure" (
    "id" SERIAL NOT NULL,
    "ref" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "value" DECIMAL(12,3) NOT NULL,
    "unit" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "region_id" INTEGER,
    "note" TEXT,
    "source_id" INTEGER NOT NULL,
    "known_on" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "tracker_figure_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "tracker_figure_ref_key" ON "tracker_figure"("ref");
CREATE INDEX "tracker_figure_metric_known_on_idx" ON "tracker_figure"("metric", "known_on");
ALTER TABLE "tracker_figure" ADD CONSTRAINT "tracker_figure_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "tracker_figure" ADD CONSTRAINT "tracker_figure_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "tracker_figure" ADD CONSTRAINT "tracker_figure_metric_format" CHECK ("metric" ~ '^[a-z][a-z0-9_]{1,60}$');

-- Dates the rules rely on stay in range (the pipeline history packs them into numbers).
ALTER TABLE "capacity_announcement" ADD CONSTRAINT "capacity_known_on_range" CHECK ("known_on" BETWEEN DATE '2000-01-01' AND DATE '2060-12-31');
ALTER TABLE "capacity_announcement" ADD CONSTRAINT "capacity_known_after_announced" CHECK ("known_on" >= "announced_on");
ALTER TABLE "plant_status_event" ADD CONSTRAINT "status_known_on_range" CHECK ("known_on" BETWEEN DATE '2000-01-01' AND DATE '2060-12-31');
ALTER TABLE "plant_operator" ADD CONSTRAINT "operator_dates_range" CHECK ("effective_on" BETWEEN DATE '2000-01-01' AND DATE '2060-12-31' AND "known_on" BETWEEN DATE '2000-01-01' AND DATE '2060-12-31');
ALTER TABLE "plant_partner" ADD CONSTRAINT "partner_dates_range" CHECK ("effective_on" BETWEEN DATE '2000-01-01' AND DATE '2060-12-31' AND "known_on" BETWEEN DATE '2000-01-01' AND DATE '2060-12-31');
ALTER TABLE "company_parent" ADD CONSTRAINT "company_parent_dates_range" CHECK ("effective_on" BETWEEN DATE '1900-01-01' AND DATE '2060-12-31' AND "known_on" BETWEEN DATE '1900-01-01' AND DATE '2060-12-31');
ALTER TABLE "company_parent" ADD CONSTRAINT "company_parent_stake_range" CHECK ("stake_pct" IS NULL OR "stake_pct" > 0 AND "stake_pct" <= 100);
ALTER TABLE "company_parent" ADD CONSTRAINT "company_parent_not_self" CHECK ("company_id" <> "parent_id");
ALTER TABLE "contract_event" ADD CONSTRAINT "contract_event_dates_range" CHECK ("effective_on" BETWEEN DATE '2000-01-01' AND DATE '2060-12-31' AND "known_on" BETWEEN DATE '2000-01-01' AND DATE '2060-12-31');

-- No fact is known before its source was published: every write path (forms, import, API, seed,
-- restore, raw SQL) is held to it here.
CREATE FUNCTION "fact_known_after_source"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  earliest date;
BEGIN
  IF NEW.source_id IS NOT NULL THEN
    earliest := source_known_from(NEW.source_id);
    IF earliest IS NOT NULL AND NEW.known_on < earliest THEN
      RAISE EXCEPTION 'known_on % is before its source was published (%)', NEW.known_on, earliest
        USING ERRCODE = 'check_violation', CONSTRAINT = 'fact_known_after_source', TABLE = TG_TABLE_NAME;
    END IF;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "fact_known_after_source" BEFORE INSERT OR UPDATE OF "known_on", "source_id" ON "capacity_announcement" FOR EACH ROW EXECUTE FUNCTION "fact_known_after_source"();
CREATE TRIGGER "fact_known_after_source" BEFORE INSERT OR UPDATE OF "known_on", "source_id" ON "plant_status_event" FOR EACH ROW EXECUTE FUNCTION "fact_known_after_source"();
CREATE TRIGGER "fact_known_after_source" BEFORE INSERT OR UPDATE OF "known_on", "source_id" ON "plant_operator" FOR EACH ROW EXECUTE FUNCTION "fact_known_after_source"();
CREATE TRIGGER "fact_known_after_source" BEFORE INSERT OR UPDATE OF "known_on", "source_id" ON "plant_partner" FOR EACH ROW EXECUTE FUNCTION "fact_known_after_source"();
CREATE TRIGGER "fact_known_after_source" BEFORE INSERT OR UPDATE OF "known_on", "source_id" ON "company_parent" FOR EACH ROW EXECUTE FUNCTION "fact_known_after_source"();
CREATE TRIGGER "fact_known_after_source" BEFORE INSERT OR UPDATE OF "known_on", "source_id" ON "contract_event" FOR EACH ROW EXECUTE FUNCTION "fact_known_after_source"();
CREATE TRIGGER "fact_known_after_source" BEFORE INSERT OR UPDATE OF "known_on", "source_id" ON "tracker_figure" FOR EACH ROW EXECUTE FUNCTION "fact_known_after_source"();

-- A source's publication date cannot move past a fact that cites it.
CREATE FUNCTION "source_not_after_its_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  earliest date := period_end(NEW.published_on, NEW.date_precision);
BEGIN
  IF earliest IS NOT NULL AND (
       EXISTS (SELECT 1 FROM capacity_announcement x WHERE x.source_id = NEW.id AND x.known_on < earliest)
    OR EXISTS (SELECT 1 FROM plant_status_event x WHERE x.source_id = NEW.id AND x.known_on < earliest)
    OR EXISTS (SELECT 1 FROM plant_operator x WHERE x.source_id = NEW.id AND x.known_on < earliest)
    OR EXISTS (SELECT 1 FROM plant_partner x WHERE x.source_id = NEW.id AND x.known_on < earliest)
    OR EXISTS (SELECT 1 FROM company_parent x WHERE x.source_id = NEW.id AND x.known_on < earliest)
    OR EXISTS (SELECT 1 FROM contract_event x WHERE x.source_id = NEW.id AND x.known_on < earliest)
    OR EXISTS (SELECT 1 FROM tracker_figure x WHERE x.source_id = NEW.id AND x.known_on < earliest)) THEN
    RAISE EXCEPTION 'facts citing this source are known before % (its new publication date)', earliest
      USING ERRCODE = 'check_violation', CONSTRAINT = 'source_not_after_its_facts', TABLE = 'source';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "source_not_after_its_facts" BEFORE UPDATE OF "published_on", "date_precision" ON "source" FOR EACH ROW EXECUTE FUNCTION "source_not_after_its_facts"();

-- ---------------------------------------------------------------------------
-- 4. THE CAPACITY RULE, in one place.
--
-- "The capacity of a plant in year Y, as known on date D, is the latest announced figure (among
-- those known on D) for the greatest target year <= Y." capacity_steps_known() states it for every
-- D at once: on each date a plant's figures change (the known_on of one of them) it takes, per
-- target year, the latest announced figure known by then, and lets it hold until the plant's next
-- target year. The result is materialised in plant_capacity_step by the triggers below, and every
-- figure in the product reads it through capacity_steps_on(D). Status and long-term figures follow
-- the same pattern. The TypeScript version (lib/domain/capacity.ts) is the tests' oracle only.
-- ---------------------------------------------------------------------------
CREATE TABLE "plant_capacity_step" (
    "plant_id" INTEGER NOT NULL,
    "known_from" DATE NOT NULL,
    "known_to" DATE NOT NULL,
    "from_year" INTEGER NOT NULL,
    "to_year" INTEGER NOT NULL,
    "gwh_per_year" DECIMAL(9,3) NOT NULL,
    "announcement_id" INTEGER NOT NULL,
    CONSTRAINT "plant_capacity_step_pkey" PRIMARY KEY ("plant_id","known_from","from_year")
);
CREATE INDEX "plant_capacity_step_known_to_known_from_idx" ON "plant_capacity_step"("known_to", "known_from");
ALTER TABLE "plant_capacity_step" ADD CONSTRAINT "plant_capacity_step_years" CHECK ("to_year" > "from_year");
ALTER TABLE "plant_capacity_step" ADD CONSTRAINT "plant_capacity_step_known" CHECK ("known_to" > "known_from");

CREATE TABLE "plant_status_span" (
    "plant_id" INTEGER NOT NULL,
    "known_from" DATE NOT NULL,
    "known_to" DATE NOT NULL,
    "status" "PlantStatus" NOT NULL,
    "effective_on" DATE NOT NULL,
    "event_id" INTEGER NOT NULL,
    CONSTRAINT "plant_status_span_pkey" PRIMARY KEY ("plant_id","known_from")
);
CREATE INDEX "plant_status_span_known_to_known_from_idx" ON "plant_status_span"("known_to", "known_from");
ALTER TABLE "plant_status_span" ADD CONSTRAINT "plant_status_span_known" CHECK ("known_to" > "known_from");

CREATE TABLE "plant_long_term_span" (
    "plant_id" INTEGER NOT NULL,
    "known_from" DATE NOT NULL,
    "known_to" DATE NOT NULL,
    "gwh_per_year" DECIMAL(9,3) NOT NULL,
    "announcement_id" INTEGER NOT NULL,
    CONSTRAINT "plant_long_term_span_pkey" PRIMARY KEY ("plant_id","known_from")
);
CREATE INDEX "plant_long_term_span_known_to_known_from_idx" ON "plant_long_term_span"("known_to", "known_from");
ALTER TABLE "plant_long_term_span" ADD CONSTRAINT "plant_long_term_span_known" CHECK ("known_to" > "known_from");

-- The rule: each plant's capacity steps on every as-of date (all plants when plant_ids is null).
-- A row holds for as-of dates in [known_from, known_to) and the years [from_year, to_year).
CREATE FUNCTION "capacity_steps_known"(plant_ids int[]) RETURNS TABLE (
  plant_id int, known_from date, known_to date, from_year int, to_year int, gwh_per_year numeric, announcement_id int
) LANGUAGE sql STABLE AS $$
  WITH figure AS (
    -- the plants' live milestone figures (long-term figures have no year: long_term_known)
    SELECT a.id, a.plant_id, a.target_year, a.gwh_per_year, a.announced_on, a.known_on
    FROM capacity_announcement a
    WHERE a.deleted_at IS NULL AND a.scope = 'milestone' AND (plant_ids IS NULL OR a.plant_id = ANY (plant_ids))
  ),
  vintage AS (
    -- the as-of dates on which a plant's figures can change: the days its figures became known
    SELECT v.plant_id, v.known_from,
           COALESCE(LEAD(v.known_from) OVER (PARTITION BY v.plant_id ORDER BY v.known_from), 'infinity') AS known_to
    FROM (SELECT DISTINCT f.plant_id, f.known_on AS known_from FROM figure f) v
  ),
  latest AS (
    -- on each such date, per target year: the latest announced figure known by then
    -- (same announcement date: the later known, then the later recorded)
    SELECT DISTINCT ON (v.plant_id, v.known_from, f.target_year)
           v.plant_id, v.known_from, v.known_to, f.target_year, f.gwh_per_year, f.id
    FROM vintage v JOIN figure f ON f.plant_id = v.plant_id AND f.known_on <= v.known_from
    ORDER BY v.plant_id, v.known_from, f.target_year, f.announced_on DESC, f.known_on DESC, f.id DESC
  ),
  step AS (
    -- a figure holds from its target year up to the plant's next target year with a figure
    SELECT l.plant_id, l.known_from, l.known_to, l.target_year AS from_year,
           COALESCE(LEAD(l.target_year) OVER (PARTITION BY l.plant_id, l.known_from ORDER BY l.target_year), 100000) AS to_year,
           l.gwh_per_year, l.id AS announcement_id
    FROM latest l
  ),
  marked AS (
    -- consecutive as-of periods in which a step stays the same become one row
    SELECT s.*, CASE WHEN LAG(s.known_to) OVER w = s.known_from THEN 0 ELSE 1 END AS starts
    FROM step s WINDOW w AS (PARTITION BY s.plant_id, s.from_year, s.to_year, s.announcement_id ORDER BY s.known_from)
  ),
  island AS (
    SELECT m.*, SUM(m.starts) OVER (PARTITION BY m.plant_id, m.from_year, m.to_year, m.announcement_id ORDER BY m.known_from) AS n
    FROM marked m
  )
  SELECT i.plant_id, MIN(i.known_from), MAX(i.known_to), i.from_year, i.to_year, i.gwh_per_year, i.announcement_id
  FROM island i
  GROUP BY i.plant_id, i.from_year, i.to_year, i.gwh_per_year, i.announcement_id, i.n
$$;

-- Each plant's status on every as-of date: the event with the latest effective date among those
-- both known and in effect by then (a stop on 30 June reported on 20 August counts from 20 August
-- in as-of views, and as of 30 June in the plant's history).
CREATE FUNCTION "plant_status_known"(plant_ids int[]) RETURNS TABLE (
  plant_id int, known_from date, known_to date, status "PlantStatus", effective_on date, event_id int
) LANGUAGE sql STABLE AS $$
  WITH ev AS (
    SELECT e.id, e.plant_id, e.status, e.effective_on, GREATEST(e.known_on, e.effective_on) AS visible_from
    FROM plant_status_event e
    WHERE e.deleted_at IS NULL AND (plant_ids IS NULL OR e.plant_id = ANY (plant_ids))
  ),
  vintage AS (
    SELECT v.plant_id, v.known_from,
           COALESCE(LEAD(v.known_from) OVER (PARTITION BY v.plant_id ORDER BY v.known_from), 'infinity') AS known_to
    FROM (SELECT DISTINCT e.plant_id, e.visible_from AS known_from FROM ev e) v
  ),
  latest AS (
    SELECT DISTINCT ON (v.plant_id, v.known_from) v.plant_id, v.known_from, v.known_to, e.status, e.effective_on, e.id
    FROM vintage v JOIN ev e ON e.plant_id = v.plant_id AND e.visible_from <= v.known_from
    ORDER BY v.plant_id, v.known_from, e.effective_on DESC, e.id DESC
  ),
  marked AS (
    SELECT l.*, CASE WHEN LAG(l.known_to) OVER w = l.known_from THEN 0 ELSE 1 END AS starts
    FROM latest l WINDOW w AS (PARTITION BY l.plant_id, l.id ORDER BY l.known_from)
  ),
  island AS (
    SELECT m.*, SUM(m.starts) OVER (PARTITION BY m.plant_id, m.id ORDER BY m.known_from) AS n FROM marked m
  )
  SELECT i.plant_id, MIN(i.known_from), MAX(i.known_to), i.status, i.effective_on, i.id
  FROM island i GROUP BY i.plant_id, i.status, i.effective_on, i.id, i.n
$$;

-- Each plant's latest long-term ("full build-out") figure on every as-of date.
CREATE FUNCTION "long_term_known"(plant_ids int[]) RETURNS TABLE (
  plant_id int, known_from date, known_to date, gwh_per_year numeric, announcement_id int
) LANGUAGE sql STABLE AS $$
  WITH figure AS (
    SELECT a.id, a.plant_id, a.gwh_per_year, a.announced_on, a.known_on
    FROM capacity_announcement a
    WHERE a.deleted_at IS NULL AND a.scope = 'long_term' AND (plant_ids IS NULL OR a.plant_id = ANY (plant_ids))
  ),
  vintage AS (
    SELECT v.plant_id, v.known_from,
           COALESCE(LEAD(v.known_from) OVER (PARTITION BY v.plant_id ORDER BY v.known_from), 'infinity') AS known_to
    FROM (SELECT DISTINCT f.plant_id, f.known_on AS known_from FROM figure f) v
  ),
  latest AS (
    SELECT DISTINCT ON (v.plant_id, v.known_from) v.plant_id, v.known_from, v.known_to, f.gwh_per_year, f.id
    FROM vintage v JOIN figure f ON f.plant_id = v.plant_id AND f.known_on <= v.known_from
    ORDER BY v.plant_id, v.known_from, f.announced_on DESC, f.known_on DESC, f.id DESC
  ),
  marked AS (
    SELECT l.*, CASE WHEN LAG(l.known_to) OVER w = l.known_from THEN 0 ELSE 1 END AS starts
    FROM latest l WINDOW w AS (PARTITION BY l.plant_id, l.id ORDER BY l.known_from)
  ),
  island AS (
    SELECT m.*, SUM(m.starts) OVER (PARTITION BY m.plant_id, m.id ORDER BY m.known_from) AS n FROM marked m
  )
  SELECT i.plant_id, MIN(i.known_from), MAX(i.known_to), i.gwh_per_year, i.id
  FROM island i GROUP BY i.plant_id, i.gwh_per_year, i.id, i.n
$$;

-- How every query reads the rule on an as-of date (inlined by the planner: plain scans of the tables).
CREATE FUNCTION "capacity_steps_on"(as_of date) RETURNS SETOF "plant_capacity_step" LANGUAGE sql STABLE AS $$
  SELECT * FROM plant_capacity_step s WHERE s.known_from <= as_of AND as_of < s.known_to
$$;
CREATE FUNCTION "plant_status_on"(as_of date) RETURNS SETOF "plant_status_span" LANGUAGE sql STABLE AS $$
  SELECT * FROM plant_status_span s WHERE s.known_from <= as_of AND as_of < s.known_to
$$;
CREATE FUNCTION "long_term_on"(as_of date) RETURNS SETOF "plant_long_term_span" LANGUAGE sql STABLE AS $$
  SELECT * FROM plant_long_term_span s WHERE s.known_from <= as_of AND as_of < s.known_to
$$;

-- Recompute the materialised rule for some plants.
CREATE FUNCTION "capacity_refresh"(plant_ids int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM plant_capacity_step WHERE plant_id = ANY (plant_ids);
  INSERT INTO plant_capacity_step (plant_id, known_from, known_to, from_year, to_year, gwh_per_year, announcement_id)
    SELECT * FROM capacity_steps_known(plant_ids);
  DELETE FROM plant_long_term_span WHERE plant_id = ANY (plant_ids);
  INSERT INTO plant_long_term_span (plant_id, known_from, known_to, gwh_per_year, announcement_id)
    SELECT * FROM long_term_known(plant_ids);
END
$$;
CREATE FUNCTION "status_refresh"(plant_ids int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM plant_status_span WHERE plant_id = ANY (plant_ids);
  INSERT INTO plant_status_span (plant_id, known_from, known_to, status, effective_on, event_id)
    SELECT * FROM plant_status_known(plant_ids);
END
$$;

-- One statement-level trigger function per table, shared by its INSERT, UPDATE and DELETE triggers
-- (transition tables need single-event triggers), so a 10,000-row import recomputes each plant
-- once per statement, in the writer's transaction.
CREATE FUNCTION "capacity_announcements_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids int[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM plant_capacity_step;
    DELETE FROM plant_long_term_span;
    RETURN NULL;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT plant_id) INTO ids FROM new_rows;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(DISTINCT r.plant_id) INTO ids FROM (SELECT plant_id FROM new_rows UNION SELECT plant_id FROM old_rows) r;
  ELSE
    SELECT array_agg(DISTINCT plant_id) INTO ids FROM old_rows;
  END IF;
  IF ids IS NOT NULL THEN
    PERFORM capacity_refresh(ids);
  END IF;
  RETURN NULL;
END
$$;
CREATE FUNCTION "status_events_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids int[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM plant_status_span;
    RETURN NULL;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT plant_id) INTO ids FROM new_rows;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(DISTINCT r.plant_id) INTO ids FROM (SELECT plant_id FROM new_rows UNION SELECT plant_id FROM old_rows) r;
  ELSE
    SELECT array_agg(DISTINCT plant_id) INTO ids FROM old_rows;
  END IF;
  IF ids IS NOT NULL THEN
    PERFORM status_refresh(ids);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "rollup_insert" AFTER INSERT ON "capacity_announcement" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "capacity_announcements_changed"();
CREATE TRIGGER "rollup_update" AFTER UPDATE ON "capacity_announcement" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "capacity_announcements_changed"();
CREATE TRIGGER "rollup_delete" AFTER DELETE ON "capacity_announcement" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "capacity_announcements_changed"();
CREATE TRIGGER "rollup_truncate" AFTER TRUNCATE ON "capacity_announcement"
  FOR EACH STATEMENT EXECUTE FUNCTION "capacity_announcements_changed"();
CREATE TRIGGER "rollup_insert" AFTER INSERT ON "plant_status_event" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "status_events_changed"();
CREATE TRIGGER "rollup_update" AFTER UPDATE ON "plant_status_event" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "status_events_changed"();
CREATE TRIGGER "rollup_delete" AFTER DELETE ON "plant_status_event" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "status_events_changed"();
CREATE TRIGGER "rollup_truncate" AFTER TRUNCATE ON "plant_status_event"
  FOR EACH STATEMENT EXECUTE FUNCTION "status_events_changed"();

INSERT INTO "plant_capacity_step" SELECT * FROM capacity_steps_known(NULL);
INSERT INTO "plant_long_term_span" SELECT * FROM long_term_known(NULL);
INSERT INTO "plant_status_span" SELECT * FROM plant_status_known(NULL);

-- ---------------------------------------------------------------------------
-- 5. Ownership on an as-of date, and the mirrors of the latest facts.
-- ---------------------------------------------------------------------------

-- Who operated each plant on D, as known on D: the latest operator row in effect and known by
-- then. Before any is, the plant's first operator row (the plant is in no as-of view before its
-- first status anyway), and the operator field for a plant with no rows.
CREATE FUNCTION "plant_operator_on"(as_of date) RETURNS TABLE (plant_id int, company_id int) LANGUAGE sql STABLE AS $$
  SELECT p.id, COALESCE(o.company_id, p.operator_id)
  FROM plant p
  LEFT JOIN LATERAL (
    SELECT x.company_id FROM plant_operator x
    WHERE x.plant_id = p.id AND x.deleted_at IS NULL
    ORDER BY (x.effective_on <= as_of AND x.known_on <= as_of) DESC,
             CASE WHEN x.effective_on <= as_of AND x.known_on <= as_of THEN x.effective_on END DESC NULLS LAST,
             x.effective_on, x.id DESC
    LIMIT 1
  ) o ON TRUE
  WHERE p.deleted_at IS NULL
$$;

-- The partners of each plant on D: per company, its latest row in effect and known by then, unless it ended.
CREATE FUNCTION "plant_partners_on"(as_of date) RETURNS TABLE (plant_id int, company_id int, role "PartnerRole", stake_pct numeric) LANGUAGE sql STABLE AS $$
  SELECT x.plant_id, x.company_id, x.role, x.stake_pct FROM (
    SELECT DISTINCT ON (pp.plant_id, pp.company_id) pp.plant_id, pp.company_id, pp.role, pp.stake_pct, pp.ended
    FROM plant_partner pp
    WHERE pp.deleted_at IS NULL AND pp.effective_on <= as_of AND pp.known_on <= as_of
    ORDER BY pp.plant_id, pp.company_id, pp.effective_on DESC, pp.id DESC
  ) x WHERE NOT x.ended
$$;

-- The owners of each company on D: per parent, its latest link in effect and known by then, unless it ended.
CREATE FUNCTION "company_parents_on"(as_of date) RETURNS TABLE (company_id int, parent_id int, stake_pct numeric) LANGUAGE sql STABLE AS $$
  SELECT x.company_id, x.parent_id, x.stake_pct FROM (
    SELECT DISTINCT ON (l.company_id, l.parent_id) l.company_id, l.parent_id, l.stake_pct, l.ended
    FROM company_parent l
    WHERE l.deleted_at IS NULL AND l.effective_on <= as_of AND l.known_on <= as_of
    ORDER BY l.company_id, l.parent_id, l.effective_on DESC, l.id DESC
  ) x WHERE NOT x.ended
$$;

-- The owners of each company on D as fractions of it, by the documented rule: a parent holding
-- more than half controls it and takes all of it. Otherwise each owner takes its published stake
-- (stakes adding up to more than 100% are scaled down), and owners whose stake is not published
-- share what is left equally: those shares are estimates, flagged. What no recorded owner holds
-- stays with the company.
CREATE FUNCTION "company_owner_shares_on"(as_of date) RETURNS TABLE (company_id int, parent_id int, share float8, estimated boolean) LANGUAGE sql STABLE AS $$
  WITH link AS (SELECT * FROM company_parents_on(as_of)),
  control AS (
    SELECT DISTINCT ON (l.company_id) l.company_id, l.parent_id
    FROM link l WHERE l.stake_pct > 50 ORDER BY l.company_id, l.stake_pct DESC, l.parent_id
  ),
  total AS (
    SELECT l.company_id, COALESCE(SUM(l.stake_pct), 0)::float8 / 100 AS published,
           COUNT(*) FILTER (WHERE l.stake_pct IS NULL) AS unpublished
    FROM link l GROUP BY l.company_id
  )
  SELECT c.company_id, c.parent_id, 1::float8, FALSE FROM control c
  UNION ALL
  SELECT x.company_id, x.parent_id, x.share, x.estimated FROM (
    SELECT l.company_id, l.parent_id,
           CASE WHEN l.stake_pct IS NOT NULL THEN l.stake_pct::float8 / 100 / GREATEST(t.published, 1)
                ELSE GREATEST(1 - t.published, 0) / t.unpublished END AS share,
           l.stake_pct IS NULL AS estimated
    FROM link l JOIN total t ON t.company_id = l.company_id
    WHERE NOT EXISTS (SELECT 1 FROM control c WHERE c.company_id = l.company_id)
  ) x WHERE x.share > 0
$$;

-- Each company's ultimate owners on D: the owner shares above, followed up the groups (at most
-- eight levels), with what each holder keeps for itself.
CREATE FUNCTION "company_ultimate_owners_on"(as_of date) RETURNS TABLE (company_id int, owner_id int, share float8, estimated boolean) LANGUAGE sql STABLE AS $$
  WITH RECURSIVE link AS (SELECT * FROM company_owner_shares_on(as_of)),
  held AS (SELECT l.company_id, LEAST(SUM(l.share), 1) AS owned FROM link l GROUP BY l.company_id),
  walk (company_id, holder_id, share, estimated, depth) AS (
    SELECT c.id, c.id, 1::float8, FALSE, 0 FROM company c WHERE c.deleted_at IS NULL
    UNION ALL
    SELECT w.company_id, l.parent_id, w.share * l.share, w.estimated OR l.estimated, w.depth + 1
    FROM walk w JOIN link l ON l.company_id = w.holder_id
    WHERE w.depth < 8
  )
  SELECT w.company_id, w.holder_id, SUM(w.share * (1 - COALESCE(h.owned, 0))), bool_or(w.estimated)
  FROM walk w LEFT JOIN held h ON h.company_id = w.holder_id
  GROUP BY w.company_id, w.holder_id
  HAVING SUM(w.share * (1 - COALESCE(h.owned, 0))) > 0
$$;

-- Plants due for review on a day: not operational or cancelled, with a planned year (the start
-- year, or the target year of a positive figure after its latest status change) that has come,
-- and no fact published since that year began. milestone_year is the latest such year.
CREATE FUNCTION "plant_review_due"(today date) RETURNS TABLE (plant_id int, milestone_year int, newest_fact date) LANGUAGE sql STABLE AS $$
  WITH cur AS (SELECT s.plant_id, s.status, s.effective_on FROM plant_status_on(today) s),
  newest AS (
    SELECT x.plant_id, MAX(x.known_on) AS d FROM (
      SELECT a.plant_id, a.known_on FROM capacity_announcement a WHERE a.deleted_at IS NULL
      UNION ALL SELECT e.plant_id, e.known_on FROM plant_status_event e WHERE e.deleted_at IS NULL
      UNION ALL SELECT o.plant_id, o.known_on FROM plant_operator o WHERE o.deleted_at IS NULL
    ) x WHERE x.known_on <= today GROUP BY x.plant_id
  ),
  planned AS (
    SELECT p.id AS plant_id, y.year
    FROM plant p JOIN cur ON cur.plant_id = p.id
    CROSS JOIN LATERAL (
      SELECT p.start_year AS year WHERE p.start_year IS NOT NULL
      UNION ALL
      SELECT c.from_year FROM capacity_steps_on(today) c
      WHERE c.plant_id = p.id AND c.gwh_per_year > 0 AND c.from_year >= EXTRACT(YEAR FROM cur.effective_on)
    ) y
    WHERE p.deleted_at IS NULL AND cur.status IN ('announced', 'under_construction', 'paused')
      AND y.year <= EXTRACT(YEAR FROM today)
  )
  SELECT pl.plant_id, MAX(pl.year), n.d
  FROM planned pl JOIN newest n ON n.plant_id = pl.plant_id
  GROUP BY pl.plant_id, n.d
  HAVING n.d < make_date(MAX(pl.year), 1, 1)
$$;

-- plant.operator_id follows the latest operator row, on every write path.
CREATE FUNCTION "plant_operator_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE plant p SET operator_id = latest.company_id
  FROM (
    SELECT DISTINCT ON (o.plant_id) o.plant_id, o.company_id
    FROM plant_operator o
    WHERE o.deleted_at IS NULL AND o.plant_id IN (SELECT plant_id FROM changed_rows)
    ORDER BY o.plant_id, o.effective_on DESC, o.id DESC
  ) latest
  WHERE p.id = latest.plant_id AND p.operator_id IS DISTINCT FROM latest.company_id;
  RETURN NULL;
END
$$;
CREATE TRIGGER "operator_mirror_insert" AFTER INSERT ON "plant_operator" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "plant_operator_changed"();
CREATE TRIGGER "operator_mirror_update" AFTER UPDATE ON "plant_operator" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "plant_operator_changed"();

-- contract.status and status_changed_on follow the latest contract event.
CREATE FUNCTION "contract_event_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE contract c SET status = latest.status, status_changed_on = latest.effective_on
  FROM (
    SELECT DISTINCT ON (e.contract_id) e.contract_id, e.status, e.effective_on
    FROM contract_event e
    WHERE e.deleted_at IS NULL AND e.contract_id IN (SELECT contract_id FROM changed_rows)
    ORDER BY e.contract_id, e.effective_on DESC, e.id DESC
  ) latest
  WHERE c.id = latest.contract_id
    AND (c.status IS DISTINCT FROM latest.status OR c.status_changed_on IS DISTINCT FROM latest.effective_on);
  RETURN NULL;
END
$$;
CREATE TRIGGER "contract_mirror_insert" AFTER INSERT ON "contract_event" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "contract_event_changed"();
CREATE TRIGGER "contract_mirror_update" AFTER UPDATE ON "contract_event" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "contract_event_changed"();

-- Public data: the new tables bump the data version too (they are read by pages and the API).
CREATE TRIGGER "data_version_bump" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plant_operator" FOR EACH STATEMENT EXECUTE FUNCTION "data_version_bump"();
CREATE TRIGGER "data_version_bump" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "company_parent" FOR EACH STATEMENT EXECUTE FUNCTION "data_version_bump"();
CREATE TRIGGER "data_version_bump" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "contract_event" FOR EACH STATEMENT EXECUTE FUNCTION "data_version_bump"();
CREATE TRIGGER "data_version_bump" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "tracker_figure" FOR EACH STATEMENT EXECUTE FUNCTION "data_version_bump"();
