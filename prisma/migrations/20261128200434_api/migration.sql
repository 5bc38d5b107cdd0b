-- CreateEnum
CREATE TYPE "ApiKeyScope" AS ENUM ('read', 'write');

-- CreateTable
CREATE TABLE "api_key" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "scopes" "ApiKeyScope"[],
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_by" TEXT,

    CONSTRAINT "api_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_rate_limit" (
    "bucket" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "api_rate_limit_pkey" PRIMARY KEY ("bucket")
);

-- CreateTable
CREATE TABLE "dataset_snapshot" (
    "id" SERIAL NOT NULL,
    "taken_on" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "zip" BYTEA NOT NULL,
    "json" BYTEA NOT NULL,
    "zip_bytes" INTEGER NOT NULL,
    "json_bytes" INTEGER NOT NULL,
    "zip_sha256" TEXT NOT NULL,
    "json_sha256" TEXT NOT NULL,
    "counts" JSONB NOT NULL,

    CONSTRAINT "dataset_snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_key_prefix_key" ON "api_key"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "api_key_hash_key" ON "api_key"("hash");

-- CreateIndex
CREATE INDEX "api_key_user_id_idx" ON "api_key"("user_id");

-- CreateIndex
CREATE INDEX "api_rate_limit_window_start_idx" ON "api_rate_limit"("window_start");

-- CreateIndex
CREATE UNIQUE INDEX "dataset_snapshot_taken_on_key" ON "dataset_snapshot"("taken_on");

-- AddForeignKey
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: rules Prisma's schema language cannot express (docs/decisions/001-database.md).
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_prefix_format" CHECK ("prefix" ~ '^vtk_[A-Za-z0-9]{8}$');
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_hash_format" CHECK ("hash" ~ '^[0-9a-f]{64}$');
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_has_scope" CHECK (cardinality("scopes") >= 1);
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_revoked_with_actor" CHECK (("revoked_at" IS NULL) = ("revoked_by" IS NULL));
ALTER TABLE "api_rate_limit" ADD CONSTRAINT "api_rate_limit_count_positive" CHECK ("count" >= 1);
ALTER TABLE "dataset_snapshot" ADD CONSTRAINT "dataset_snapshot_sha256_format" CHECK ("zip_sha256" ~ '^[0-9a-f]{64}$' AND "json_sha256" ~ '^[0-9a-f]{64}$');
ALTER TABLE "dataset_snapshot" ADD CONSTRAINT "dataset_snapshot_sizes" CHECK ("zip_bytes" = octet_length("zip") AND "json_bytes" = octet_length("json"));

-- A dated snapshot is cited: it never changes and is never removed. The migration runner splits
-- scripts on every semicolon, so the function body spells its semicolons as \073.
CREATE FUNCTION "dataset_snapshot_immutable"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''dataset_snapshot is immutable (% refused)'', TG_OP USING ERRCODE = ''insufficient_privilege''\073 END\073';
CREATE TRIGGER "dataset_snapshot_no_update_delete" BEFORE UPDATE OR DELETE ON "dataset_snapshot"
  FOR EACH ROW EXECUTE FUNCTION "dataset_snapshot_immutable"();
CREATE TRIGGER "dataset_snapshot_no_truncate" BEFORE TRUNCATE ON "dataset_snapshot"
  FOR EACH STATEMENT EXECUTE FUNCTION "dataset_snapshot_immutable"();
