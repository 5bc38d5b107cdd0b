-- CreateTable
CREATE TABLE "plant_capacity_step" (
    "plant_id" INTEGER NOT NULL,
    "from_year" INTEGER NOT NULL,
    "to_year" INTEGER NOT NULL,
    "gwh_per_year" DECIMAL(9,3) NOT NULL,

    CONSTRAINT "plant_capacity_step_pkey" PRIMARY KEY ("plant_id","from_year")
);

-- CreateTable
CREATE TABLE "plant_current_status" (
    "plant_id" INTEGER NOT NULL,
    "status" "PlantStatus" NOT NULL,
    "effective_on" DATE NOT NULL,

    CONSTRAINT "plant_current_status_pkey" PRIMARY KEY ("plant_id")
);

-- CreateTable
CREATE TABLE "capacity_rollup_state" (
    "id" INTEGER NOT NULL,
    "valid_from" DATE NOT NULL,

    CONSTRAINT "capacity_rollup_state_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "data_version" (
    "id" INTEGER NOT NULL,
    "version" BIGINT NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "data_version_pkey" PRIMARY KEY ("id")
);

-- ---------------------------------------------------------------------------
-- Hand-written (docs/decisions/004-capacity-rollup.md). The migration runner splits scripts on
-- every semicolon (it knows no dollar quotes), so function bodies are escape strings that spell
-- their semicolons as \073, and no comment here may contain one.
-- ---------------------------------------------------------------------------

ALTER TABLE "capacity_rollup_state" ADD CONSTRAINT "capacity_rollup_state_one_row" CHECK ("id" = 1);
ALTER TABLE "data_version" ADD CONSTRAINT "data_version_one_row" CHECK ("id" = 1);
ALTER TABLE "plant_capacity_step" ADD CONSTRAINT "plant_capacity_step_years" CHECK ("to_year" > "from_year");

-- data_version: every statement that writes public data bumps it, inside the writer's transaction,
-- so it moves exactly when committed public data may have changed (a rolled-back write leaves it).
-- Statement-level, so a 10,000-row import bumps it once per statement, not per row.
INSERT INTO "data_version" ("id", "version", "changed_at") VALUES (1, 1, now());

CREATE FUNCTION "data_version_bump"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN UPDATE data_version SET version = version + 1, changed_at = now() WHERE id = 1\073 RETURN NULL\073 END\073';

-- The tables a public page, download, feed or the public API reads. Not: audit_log, sign-in and
-- API-key tables, rate-limit counters, and the derived tables below.
-- These triggers are named so that they fire before the rollup_* triggers on the same table
-- (PostgreSQL fires same-kind triggers in name order): every writer then locks the data_version
-- row before the capacity_rollup_state row, always in that order, so the two never deadlock.
CREATE TRIGGER "data_version_bump" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "region" FOR EACH STATEMENT EXECUTE FUNCTION "data_version_bump"();
CREATE TRIGGER "data_version_bump" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "company" FOR EACH STATEMENT EXECUTE FUNCTION "data_version_bump"();
CREATE TRIGGER "data_version_bump" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "source" FOR EACH STATEMENT EXECUTE FUNCTION "data_version_bump"();
CREATE TRIGGER "data_version_bump" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plant" FOR EACH STATEMENT EXECUTE FUNCTION "data_version_bump"();
CREATE TRIGGER "data_version_bump" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plant_partner" FOR EACH STATEMENT EXECUTE FUNCTION "data_version_bump"();
CREATE TRIGGER "data_version_bump" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plant_source" FOR EACH STATEMENT EXECUTE FUNCTION "data_version_bump"();
CREATE TRIGGER "data_version_bump" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plant_status_event" FOR EACH STATEMENT EXECUTE FUNCTION "data_version_bump"();
CREATE TRIGGER "data_version_bump" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "capacity_announcement" FOR EACH STATEMENT EXECUTE FUNCTION "data_version_bump"();
CREATE TRIGGER "data_version_bump" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "contract" FOR EACH STATEMENT EXECUTE FUNCTION "data_version_bump"();
CREATE TRIGGER "data_version_bump" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "contract_source" FOR EACH STATEMENT EXECUTE FUNCTION "data_version_bump"();
CREATE TRIGGER "data_version_bump" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "region_claim" FOR EACH STATEMENT EXECUTE FUNCTION "data_version_bump"();
CREATE TRIGGER "data_version_bump" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "dataset_snapshot" FOR EACH STATEMENT EXECUTE FUNCTION "data_version_bump"();

-- The capacity rollup: capacity-sql.ts's `st` and `steps` with no as-of date, per plant.
-- Plant deletion, in_cell_totals and region stay query-time joins, so plant writes need no trigger.

-- Recomputes the steps of the given plants from their live milestone figures.
CREATE FUNCTION "capacity_rollup_refresh_steps"(plant_ids int[]) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM plant_capacity_step WHERE plant_id = ANY (plant_ids)\073
  INSERT INTO plant_capacity_step (plant_id, from_year, to_year, gwh_per_year)
  SELECT plant_id, target_year,
         COALESCE(LEAD(target_year) OVER (PARTITION BY plant_id ORDER BY target_year), 100000),
         gwh_per_year
  FROM (
    SELECT DISTINCT ON (a.plant_id, a.target_year) a.plant_id, a.target_year, a.gwh_per_year
    FROM capacity_announcement a
    WHERE a.plant_id = ANY (plant_ids) AND a.deleted_at IS NULL AND a.scope = ''milestone''
    ORDER BY a.plant_id, a.target_year, a.announced_on DESC, a.id DESC
  ) latest\073
END\073';

-- Recomputes the current status of the given plants from their live status events.
CREATE FUNCTION "capacity_rollup_refresh_status"(plant_ids int[]) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM plant_current_status WHERE plant_id = ANY (plant_ids)\073
  INSERT INTO plant_current_status (plant_id, status, effective_on)
  SELECT DISTINCT ON (e.plant_id) e.plant_id, e.status, e.effective_on
  FROM plant_status_event e
  WHERE e.plant_id = ANY (plant_ids) AND e.deleted_at IS NULL
  ORDER BY e.plant_id, e.effective_on DESC, e.id DESC\073
END\073';

-- One statement-level trigger function per source table, shared by its INSERT, UPDATE and DELETE
-- triggers (PostgreSQL allows transition tables only on single-event triggers), so a 10,000-row
-- import recomputes each plant once per statement. Updating the state row first also serialises
-- concurrent writers: the second waits for the first to commit, then recomputes from what it
-- committed (READ COMMITTED gives each statement of the function a fresh snapshot).
CREATE FUNCTION "capacity_rollup_announcements_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  ids int[]\073
  latest date\073
BEGIN
  IF TG_OP = ''INSERT'' THEN
    SELECT array_agg(DISTINCT plant_id), max(announced_on) INTO ids, latest FROM new_rows\073
  ELSIF TG_OP = ''UPDATE'' THEN
    SELECT array_agg(DISTINCT r.plant_id), max(r.announced_on) INTO ids, latest
    FROM (SELECT plant_id, announced_on FROM new_rows UNION ALL SELECT plant_id, NULL FROM old_rows) r\073
  ELSIF TG_OP = ''DELETE'' THEN
    SELECT array_agg(DISTINCT plant_id) INTO ids FROM old_rows\073
  END IF\073
  UPDATE capacity_rollup_state SET valid_from = GREATEST(valid_from, latest) WHERE id = 1\073
  IF TG_OP = ''TRUNCATE'' THEN
    DELETE FROM plant_capacity_step\073
  ELSIF ids IS NOT NULL THEN
    PERFORM capacity_rollup_refresh_steps(ids)\073
  END IF\073
  RETURN NULL\073
END\073';

CREATE FUNCTION "capacity_rollup_status_events_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  ids int[]\073
  latest date\073
BEGIN
  IF TG_OP = ''INSERT'' THEN
    SELECT array_agg(DISTINCT plant_id), max(effective_on) INTO ids, latest FROM new_rows\073
  ELSIF TG_OP = ''UPDATE'' THEN
    SELECT array_agg(DISTINCT r.plant_id), max(r.effective_on) INTO ids, latest
    FROM (SELECT plant_id, effective_on FROM new_rows UNION ALL SELECT plant_id, NULL FROM old_rows) r\073
  ELSIF TG_OP = ''DELETE'' THEN
    SELECT array_agg(DISTINCT plant_id) INTO ids FROM old_rows\073
  END IF\073
  UPDATE capacity_rollup_state SET valid_from = GREATEST(valid_from, latest) WHERE id = 1\073
  IF TG_OP = ''TRUNCATE'' THEN
    DELETE FROM plant_current_status\073
  ELSIF ids IS NOT NULL THEN
    PERFORM capacity_rollup_refresh_status(ids)\073
  END IF\073
  RETURN NULL\073
END\073';

CREATE TRIGGER "rollup_insert" AFTER INSERT ON "capacity_announcement" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "capacity_rollup_announcements_changed"();
CREATE TRIGGER "rollup_update" AFTER UPDATE ON "capacity_announcement" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "capacity_rollup_announcements_changed"();
CREATE TRIGGER "rollup_delete" AFTER DELETE ON "capacity_announcement" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "capacity_rollup_announcements_changed"();
CREATE TRIGGER "rollup_truncate" AFTER TRUNCATE ON "capacity_announcement"
  FOR EACH STATEMENT EXECUTE FUNCTION "capacity_rollup_announcements_changed"();

CREATE TRIGGER "rollup_insert" AFTER INSERT ON "plant_status_event" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "capacity_rollup_status_events_changed"();
CREATE TRIGGER "rollup_update" AFTER UPDATE ON "plant_status_event" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "capacity_rollup_status_events_changed"();
CREATE TRIGGER "rollup_delete" AFTER DELETE ON "plant_status_event" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "capacity_rollup_status_events_changed"();
CREATE TRIGGER "rollup_truncate" AFTER TRUNCATE ON "plant_status_event"
  FOR EACH STATEMENT EXECUTE FUNCTION "capacity_rollup_status_events_changed"();

-- Backfill from the rows already there. valid_from starts at the earliest date the CHECK
-- constraints allow (the rollup of no rows is valid for every date).
INSERT INTO "capacity_rollup_state" ("id", "valid_from")
SELECT 1, GREATEST(DATE '2000-01-01', (SELECT max("announced_on") FROM "capacity_announcement"), (SELECT max("effective_on") FROM "plant_status_event"));

INSERT INTO "plant_capacity_step" ("plant_id", "from_year", "to_year", "gwh_per_year")
SELECT "plant_id", "target_year", COALESCE(LEAD("target_year") OVER (PARTITION BY "plant_id" ORDER BY "target_year"), 100000), "gwh_per_year"
FROM (
  SELECT DISTINCT ON (a."plant_id", a."target_year") a."plant_id", a."target_year", a."gwh_per_year"
  FROM "capacity_announcement" a
  WHERE a."deleted_at" IS NULL AND a."scope" = 'milestone'
  ORDER BY a."plant_id", a."target_year", a."announced_on" DESC, a."id" DESC
) latest;

INSERT INTO "plant_current_status" ("plant_id", "status", "effective_on")
SELECT DISTINCT ON (e."plant_id") e."plant_id", e."status", e."effective_on"
FROM "plant_status_event" e
WHERE e."deleted_at" IS NULL
ORDER BY e."plant_id", e."effective_on" DESC, e."id" DESC;
