-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "RegionLevel" AS ENUM ('macro', 'country', 'nuts1', 'nuts2');

-- CreateEnum
CREATE TYPE "OwnershipOrigin" AS ENUM ('european', 'chinese', 'korean', 'japanese', 'us', 'taiwanese', 'other');

-- CreateEnum
CREATE TYPE "CompanyStatus" AS ENUM ('active', 'insolvent', 'acquired', 'dissolved');

-- CreateEnum
CREATE TYPE "PlantStatus" AS ENUM ('announced', 'under_construction', 'operational', 'paused', 'cancelled');

-- CreateEnum
CREATE TYPE "FacilityType" AS ENUM ('cell_gigafactory', 'cell_small', 'cell_pilot', 'module_pack');

-- CreateEnum
CREATE TYPE "Segment" AS ENUM ('ev', 'ess', 'ev_and_ess', 'industrial', 'unknown');

-- CreateEnum
CREATE TYPE "ChemistryFamily" AS ENUM ('nmc', 'lfp', 'lmfp', 'nca', 'lmo', 'solid_state', 'lmp', 'sodium_ion', 'mixed', 'unknown');

-- CreateEnum
CREATE TYPE "Confidence" AS ENUM ('high', 'medium', 'low');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('day', 'month', 'year');

-- CreateEnum
CREATE TYPE "CapacityScope" AS ENUM ('milestone', 'long_term');

-- CreateEnum
CREATE TYPE "ContractKind" AS ENUM ('cell_supply', 'captive_jv_supply', 'captive_group_supply', 'ess_supply', 'module_supply', 'mou', 'power_supply');

-- CreateEnum
CREATE TYPE "ContractStatus" AS ENUM ('planned', 'active', 'cancelled', 'terminated', 'disrupted', 'superseded', 'expired');

-- CreateEnum
CREATE TYPE "VolumeBasis" AS ENUM ('per_year', 'total');

-- CreateEnum
CREATE TYPE "PartnerRole" AS ENUM ('jv_partner', 'shareholder', 'investor', 'technology_partner');

-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('create', 'update', 'delete', 'restore', 'import');

-- CreateTable
CREATE TABLE "region" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "RegionLevel" NOT NULL,
    "code" TEXT,
    "parent_id" INTEGER,
    "path" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "company" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "hq_country_id" INTEGER,
    "origin" "OwnershipOrigin" NOT NULL,
    "status" "CompanyStatus" NOT NULL DEFAULT 'active',
    "successor_id" INTEGER,
    "parent_id" INTEGER,
    "website" TEXT,
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "company_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "source" (
    "id" SERIAL NOT NULL,
    "url" TEXT,
    "publisher" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "published_on" DATE,
    "date_precision" "DatePrecision" NOT NULL DEFAULT 'day',
    "date_inferred" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plant" (
    "id" SERIAL NOT NULL,
    "ref" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "operator_id" INTEGER NOT NULL,
    "city" TEXT NOT NULL,
    "region_id" INTEGER NOT NULL,
    "country_id" INTEGER NOT NULL,
    "lat" DECIMAL(8,5),
    "lon" DECIMAL(8,5),
    "location_approximate" BOOLEAN NOT NULL DEFAULT true,
    "status" "PlantStatus" NOT NULL,
    "chemistry" TEXT,
    "chemistry_family" "ChemistryFamily" NOT NULL DEFAULT 'unknown',
    "segment" "Segment" NOT NULL DEFAULT 'unknown',
    "facility_type" "FacilityType" NOT NULL,
    "in_cell_totals" BOOLEAN NOT NULL DEFAULT true,
    "start_year" INTEGER,
    "confidence" "Confidence" NOT NULL,
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "plant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plant_partner" (
    "id" SERIAL NOT NULL,
    "plant_id" INTEGER NOT NULL,
    "company_id" INTEGER NOT NULL,
    "role" "PartnerRole" NOT NULL,
    "stake_pct" DECIMAL(5,2),
    "note" TEXT,

    CONSTRAINT "plant_partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plant_source" (
    "plant_id" INTEGER NOT NULL,
    "source_id" INTEGER NOT NULL,

    CONSTRAINT "plant_source_pkey" PRIMARY KEY ("plant_id","source_id")
);

-- CreateTable
CREATE TABLE "plant_status_event" (
    "id" SERIAL NOT NULL,
    "ref" TEXT NOT NULL,
    "plant_id" INTEGER NOT NULL,
    "status" "PlantStatus" NOT NULL,
    "effective_on" DATE NOT NULL,
    "date_precision" "DatePrecision" NOT NULL DEFAULT 'day',
    "source_id" INTEGER,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "plant_status_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "capacity_announcement" (
    "id" SERIAL NOT NULL,
    "ref" TEXT NOT NULL,
    "plant_id" INTEGER NOT NULL,
    "scope" "CapacityScope" NOT NULL DEFAULT 'milestone',
    "target_year" INTEGER,
    "gwh_per_year" DECIMAL(9,3) NOT NULL,
    "announced_on" DATE NOT NULL,
    "date_precision" "DatePrecision" NOT NULL DEFAULT 'day',
    "source_id" INTEGER,
    "confidence" "Confidence" NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "capacity_announcement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contract" (
    "id" SERIAL NOT NULL,
    "ref" TEXT NOT NULL,
    "kind" "ContractKind" NOT NULL,
    "supplier_id" INTEGER NOT NULL,
    "buyer_id" INTEGER NOT NULL,
    "plant_id" INTEGER,
    "signed_on" DATE,
    "date_precision" "DatePrecision" NOT NULL DEFAULT 'day',
    "start_year" INTEGER,
    "end_year" INTEGER,
    "duration_years" INTEGER,
    "volume_gwh" DECIMAL(9,3),
    "volume_basis" "VolumeBasis",
    "value_amount" DECIMAL(16,2),
    "value_currency" CHAR(3),
    "value_text" TEXT,
    "status" "ContractStatus" NOT NULL,
    "status_changed_on" DATE,
    "description" TEXT,
    "confidence" "Confidence" NOT NULL,
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contract_source" (
    "contract_id" INTEGER NOT NULL,
    "source_id" INTEGER NOT NULL,

    CONSTRAINT "contract_source_pkey" PRIMARY KEY ("contract_id","source_id")
);

-- CreateTable
CREATE TABLE "region_claim" (
    "id" SERIAL NOT NULL,
    "ref" TEXT NOT NULL,
    "region_id" INTEGER NOT NULL,
    "target_year" INTEGER NOT NULL,
    "gwh_per_year" DECIMAL(9,3) NOT NULL,
    "claim" TEXT NOT NULL,
    "source_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "region_claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT,
    "actor_label" TEXT NOT NULL,
    "action" "AuditAction" NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "region_slug_key" ON "region"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "region_code_key" ON "region"("code");

-- CreateIndex
CREATE UNIQUE INDEX "region_path_key" ON "region"("path");

-- CreateIndex
CREATE INDEX "region_parent_id_idx" ON "region"("parent_id");

-- CreateIndex
CREATE INDEX "region_level_idx" ON "region"("level");

-- CreateIndex
CREATE UNIQUE INDEX "company_slug_key" ON "company"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "company_name_key" ON "company"("name");

-- CreateIndex
CREATE INDEX "company_origin_idx" ON "company"("origin");

-- CreateIndex
CREATE INDEX "company_status_idx" ON "company"("status");

-- CreateIndex
CREATE INDEX "company_hq_country_id_idx" ON "company"("hq_country_id");

-- CreateIndex
CREATE INDEX "company_parent_id_idx" ON "company"("parent_id");

-- CreateIndex
CREATE INDEX "company_successor_id_idx" ON "company"("successor_id");

-- CreateIndex
CREATE UNIQUE INDEX "source_url_key" ON "source"("url");

-- CreateIndex
CREATE INDEX "source_published_on_idx" ON "source"("published_on");

-- CreateIndex
CREATE UNIQUE INDEX "source_publisher_title_key" ON "source"("publisher", "title");

-- CreateIndex
CREATE UNIQUE INDEX "plant_ref_key" ON "plant"("ref");

-- CreateIndex
CREATE UNIQUE INDEX "plant_slug_key" ON "plant"("slug");

-- CreateIndex
CREATE INDEX "plant_operator_id_idx" ON "plant"("operator_id");

-- CreateIndex
CREATE INDEX "plant_region_id_idx" ON "plant"("region_id");

-- CreateIndex
CREATE INDEX "plant_country_id_idx" ON "plant"("country_id");

-- CreateIndex
CREATE INDEX "plant_status_idx" ON "plant"("status");

-- CreateIndex
CREATE INDEX "plant_chemistry_family_idx" ON "plant"("chemistry_family");

-- CreateIndex
CREATE INDEX "plant_segment_idx" ON "plant"("segment");

-- CreateIndex
CREATE INDEX "plant_facility_type_idx" ON "plant"("facility_type");

-- CreateIndex
CREATE INDEX "plant_partner_company_id_idx" ON "plant_partner"("company_id");

-- CreateIndex
CREATE UNIQUE INDEX "plant_partner_plant_id_company_id_key" ON "plant_partner"("plant_id", "company_id");

-- CreateIndex
CREATE INDEX "plant_source_source_id_idx" ON "plant_source"("source_id");

-- CreateIndex
CREATE UNIQUE INDEX "plant_status_event_ref_key" ON "plant_status_event"("ref");

-- CreateIndex
CREATE INDEX "plant_status_event_plant_id_effective_on_idx" ON "plant_status_event"("plant_id", "effective_on");

-- CreateIndex
CREATE INDEX "plant_status_event_status_idx" ON "plant_status_event"("status");

-- CreateIndex
CREATE UNIQUE INDEX "capacity_announcement_ref_key" ON "capacity_announcement"("ref");

-- CreateIndex
CREATE INDEX "capacity_announcement_plant_id_target_year_announced_on_idx" ON "capacity_announcement"("plant_id", "target_year", "announced_on");

-- CreateIndex
CREATE INDEX "capacity_announcement_announced_on_idx" ON "capacity_announcement"("announced_on");

-- CreateIndex
CREATE INDEX "capacity_announcement_source_id_idx" ON "capacity_announcement"("source_id");

-- CreateIndex
CREATE UNIQUE INDEX "contract_ref_key" ON "contract"("ref");

-- CreateIndex
CREATE INDEX "contract_supplier_id_idx" ON "contract"("supplier_id");

-- CreateIndex
CREATE INDEX "contract_buyer_id_idx" ON "contract"("buyer_id");

-- CreateIndex
CREATE INDEX "contract_plant_id_idx" ON "contract"("plant_id");

-- CreateIndex
CREATE INDEX "contract_status_idx" ON "contract"("status");

-- CreateIndex
CREATE INDEX "contract_kind_idx" ON "contract"("kind");

-- CreateIndex
CREATE INDEX "contract_start_year_idx" ON "contract"("start_year");

-- CreateIndex
CREATE INDEX "contract_source_source_id_idx" ON "contract_source"("source_id");

-- CreateIndex
CREATE UNIQUE INDEX "region_claim_ref_key" ON "region_claim"("ref");

-- CreateIndex
CREATE INDEX "region_claim_region_id_idx" ON "region_claim"("region_id");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_idx" ON "audit_log"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- AddForeignKey
ALTER TABLE "region" ADD CONSTRAINT "region_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "company" ADD CONSTRAINT "company_hq_country_id_fkey" FOREIGN KEY ("hq_country_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "company" ADD CONSTRAINT "company_successor_id_fkey" FOREIGN KEY ("successor_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "company" ADD CONSTRAINT "company_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plant" ADD CONSTRAINT "plant_operator_id_fkey" FOREIGN KEY ("operator_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plant" ADD CONSTRAINT "plant_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plant" ADD CONSTRAINT "plant_country_id_fkey" FOREIGN KEY ("country_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plant_partner" ADD CONSTRAINT "plant_partner_plant_id_fkey" FOREIGN KEY ("plant_id") REFERENCES "plant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plant_partner" ADD CONSTRAINT "plant_partner_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plant_source" ADD CONSTRAINT "plant_source_plant_id_fkey" FOREIGN KEY ("plant_id") REFERENCES "plant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plant_source" ADD CONSTRAINT "plant_source_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plant_status_event" ADD CONSTRAINT "plant_status_event_plant_id_fkey" FOREIGN KEY ("plant_id") REFERENCES "plant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plant_status_event" ADD CONSTRAINT "plant_status_event_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "capacity_announcement" ADD CONSTRAINT "capacity_announcement_plant_id_fkey" FOREIGN KEY ("plant_id") REFERENCES "plant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "capacity_announcement" ADD CONSTRAINT "capacity_announcement_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contract" ADD CONSTRAINT "contract_supplier_id_fkey" FOREIGN KEY ("supplier_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contract" ADD CONSTRAINT "contract_buyer_id_fkey" FOREIGN KEY ("buyer_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contract" ADD CONSTRAINT "contract_plant_id_fkey" FOREIGN KEY ("plant_id") REFERENCES "plant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contract_source" ADD CONSTRAINT "contract_source_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contract_source" ADD CONSTRAINT "contract_source_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "region_claim" ADD CONSTRAINT "region_claim_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "region_claim" ADD CONSTRAINT "region_claim_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Written by hand: integrity rules Prisma's schema language cannot express.
-- ---------------------------------------------------------------------------

ALTER TABLE "region" ADD CONSTRAINT "region_path_format" CHECK ("path" ~ '^(/[a-z0-9-]+)+/$');
ALTER TABLE "region" ADD CONSTRAINT "region_root_is_macro" CHECK (("parent_id" IS NULL) = ("level" = 'macro'));

ALTER TABLE "company" ADD CONSTRAINT "company_not_own_successor" CHECK ("successor_id" IS NULL OR "successor_id" <> "id");
ALTER TABLE "company" ADD CONSTRAINT "company_not_own_parent" CHECK ("parent_id" IS NULL OR "parent_id" <> "id");

ALTER TABLE "plant" ADD CONSTRAINT "plant_lat_range" CHECK ("lat" IS NULL OR "lat" BETWEEN -90 AND 90);
ALTER TABLE "plant" ADD CONSTRAINT "plant_lon_range" CHECK ("lon" IS NULL OR "lon" BETWEEN -180 AND 180);
ALTER TABLE "plant" ADD CONSTRAINT "plant_lat_lon_together" CHECK (("lat" IS NULL) = ("lon" IS NULL));
ALTER TABLE "plant" ADD CONSTRAINT "plant_start_year_range" CHECK ("start_year" IS NULL OR "start_year" BETWEEN 2000 AND 2060);
ALTER TABLE "plant" ADD CONSTRAINT "plant_version_positive" CHECK ("version" >= 1);

ALTER TABLE "plant_partner" ADD CONSTRAINT "plant_partner_stake_range" CHECK ("stake_pct" IS NULL OR "stake_pct" BETWEEN 0 AND 100);

ALTER TABLE "capacity_announcement" ADD CONSTRAINT "capacity_gwh_non_negative" CHECK ("gwh_per_year" >= 0);
ALTER TABLE "capacity_announcement" ADD CONSTRAINT "capacity_target_year_range" CHECK ("target_year" IS NULL OR "target_year" BETWEEN 2000 AND 2060);
ALTER TABLE "capacity_announcement" ADD CONSTRAINT "capacity_year_unless_long_term" CHECK (("target_year" IS NULL) = ("scope" = 'long_term'));
ALTER TABLE "capacity_announcement" ADD CONSTRAINT "capacity_announced_on_range" CHECK ("announced_on" BETWEEN DATE '2000-01-01' AND DATE '2060-12-31');

ALTER TABLE "plant_status_event" ADD CONSTRAINT "status_effective_on_range" CHECK ("effective_on" BETWEEN DATE '2000-01-01' AND DATE '2060-12-31');

ALTER TABLE "contract" ADD CONSTRAINT "contract_volume_non_negative" CHECK ("volume_gwh" IS NULL OR "volume_gwh" >= 0);
ALTER TABLE "contract" ADD CONSTRAINT "contract_volume_has_basis" CHECK (("volume_gwh" IS NULL) = ("volume_basis" IS NULL));
ALTER TABLE "contract" ADD CONSTRAINT "contract_value_non_negative" CHECK ("value_amount" IS NULL OR "value_amount" >= 0);
ALTER TABLE "contract" ADD CONSTRAINT "contract_value_has_currency" CHECK ("value_amount" IS NULL OR "value_currency" IS NOT NULL);
ALTER TABLE "contract" ADD CONSTRAINT "contract_currency_format" CHECK ("value_currency" IS NULL OR "value_currency" ~ '^[A-Z]{3}$');
ALTER TABLE "contract" ADD CONSTRAINT "contract_start_year_range" CHECK ("start_year" IS NULL OR "start_year" BETWEEN 2000 AND 2060);
ALTER TABLE "contract" ADD CONSTRAINT "contract_end_year_range" CHECK ("end_year" IS NULL OR "end_year" BETWEEN 2000 AND 2060);
ALTER TABLE "contract" ADD CONSTRAINT "contract_end_after_start" CHECK ("end_year" IS NULL OR "start_year" IS NULL OR "end_year" >= "start_year");
ALTER TABLE "contract" ADD CONSTRAINT "contract_duration_range" CHECK ("duration_years" IS NULL OR "duration_years" BETWEEN 1 AND 60);
ALTER TABLE "contract" ADD CONSTRAINT "contract_parties_differ" CHECK ("supplier_id" <> "buyer_id");

ALTER TABLE "region_claim" ADD CONSTRAINT "region_claim_gwh_non_negative" CHECK ("gwh_per_year" >= 0);
ALTER TABLE "region_claim" ADD CONSTRAINT "region_claim_year_range" CHECK ("target_year" BETWEEN 2000 AND 2060);

-- The audit log is append-only for the application.
-- The migration runner splits scripts on every semicolon (it knows no dollar quotes), so the
-- function body spells its semicolons as \073 inside an escape string.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''audit_log is append-only (% refused)'', TG_OP USING ERRCODE = ''insufficient_privilege''\073 END\073';
CREATE TRIGGER "audit_log_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
