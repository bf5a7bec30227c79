-- Claims (expenses, mileage, fixed fees, in-kind) with their history, the files attached to claims
-- and contributions, the mileage rate of a period and the claim parts of payout lines
-- (docs/claims.md).
-- CreateEnum
CREATE TYPE "ClaimKind" AS ENUM ('EXPENSE', 'MILEAGE', 'FIXED_FEE', 'IN_KIND');

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('COMMITTED', 'DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'CHANGES_REQUESTED');

-- AlterTable
ALTER TABLE "funding_periods" ADD COLUMN     "mileage_rate_cents" INTEGER;

-- AlterTable
ALTER TABLE "payout_lines" ADD COLUMN     "expenses_cents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "fixed_fees_cents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "hours_amount_cents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "in_kind_value_cents" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "claims" (
    "id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "chantier_id" TEXT NOT NULL,
    "place_id" TEXT,
    "period_id" TEXT NOT NULL,
    "kind" "ClaimKind" NOT NULL,
    "date" DATE NOT NULL,
    "description" TEXT NOT NULL,
    "amount_cents" INTEGER,
    "distance_km" INTEGER,
    "status" "ClaimStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" TEXT NOT NULL,
    "reviewed_by_id" TEXT,
    "reviewed_at" TIMESTAMPTZ(3),
    "submitted_at" TIMESTAMPTZ(3),
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "claims_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claim_events" (
    "id" BIGSERIAL NOT NULL,
    "claim_id" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" "ContributionEventKind" NOT NULL,
    "from_status" "ClaimStatus",
    "to_status" "ClaimStatus",
    "comment" TEXT,
    "previous_values" JSONB,

    CONSTRAINT "claim_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attachments" (
    "id" TEXT NOT NULL,
    "claim_id" TEXT,
    "contribution_id" TEXT,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploaded_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attachment_contents" (
    "attachment_id" TEXT NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "attachment_contents_pkey" PRIMARY KEY ("attachment_id")
);

-- CreateIndex
CREATE INDEX "claims_person_id_date_id_idx" ON "claims"("person_id", "date", "id");

-- CreateIndex
CREATE INDEX "claims_chantier_id_status_date_id_idx" ON "claims"("chantier_id", "status", "date", "id");

-- CreateIndex
CREATE INDEX "claims_period_id_status_idx" ON "claims"("period_id", "status");

-- CreateIndex
CREATE INDEX "claims_status_date_id_idx" ON "claims"("status", "date", "id");

-- CreateIndex
CREATE INDEX "claim_events_claim_id_id_idx" ON "claim_events"("claim_id", "id");

-- CreateIndex
CREATE INDEX "attachments_claim_id_created_at_idx" ON "attachments"("claim_id", "created_at");

-- CreateIndex
CREATE INDEX "attachments_contribution_id_created_at_idx" ON "attachments"("contribution_id", "created_at");

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_chantier_id_fkey" FOREIGN KEY ("chantier_id") REFERENCES "chantiers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_place_id_fkey" FOREIGN KEY ("place_id") REFERENCES "places"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "funding_periods"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_events" ADD CONSTRAINT "claim_events_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_events" ADD CONSTRAINT "claim_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_contribution_id_fkey" FOREIGN KEY ("contribution_id") REFERENCES "contributions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment_contents" ADD CONSTRAINT "attachment_contents_attachment_id_fkey" FOREIGN KEY ("attachment_id") REFERENCES "attachments"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- What the database refuses on its own (docs/claims.md, "Rules").
ALTER TABLE "funding_periods" ADD CONSTRAINT "funding_periods_mileage_rate_range"
  CHECK ("mileage_rate_cents" IS NULL OR ("mileage_rate_cents" >= 0 AND "mileage_rate_cents" <= 10000));
ALTER TABLE "payout_lines" ADD CONSTRAINT "payout_lines_claim_parts_nonnegative" CHECK (
  "hours_amount_cents" >= 0 AND "expenses_cents" >= 0 AND "fixed_fees_cents" >= 0 AND "in_kind_value_cents" >= 0);
ALTER TABLE "claims" ADD CONSTRAINT "claims_version_positive" CHECK ("version" >= 1);
ALTER TABLE "claims" ADD CONSTRAINT "claims_amount_range"
  CHECK ("amount_cents" IS NULL OR ("amount_cents" >= 1 AND "amount_cents" <= 100000000));
ALTER TABLE "claims" ADD CONSTRAINT "claims_distance_range"
  CHECK ("distance_km" IS NULL OR ("distance_km" >= 1 AND "distance_km" <= 5000));
-- A trip is a distance; every other kind is an amount.
ALTER TABLE "claims" ADD CONSTRAINT "claims_kind_fields" CHECK (
  ("kind" = 'MILEAGE' AND "distance_km" IS NOT NULL)
  OR ("kind" <> 'MILEAGE' AND "distance_km" IS NULL AND "amount_cents" IS NOT NULL));
-- Only a fixed fee can be committed before the work.
ALTER TABLE "claims" ADD CONSTRAINT "claims_committed_is_fixed_fee" CHECK ("status" <> 'COMMITTED' OR "kind" = 'FIXED_FEE');

ALTER TABLE "attachments" ADD CONSTRAINT "attachments_one_owner" CHECK (num_nonnulls("claim_id", "contribution_id") = 1);
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_size_range" CHECK ("size_bytes" >= 1 AND "size_bytes" <= 10485760);
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_content_type" CHECK (
  "content_type" IN ('application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'image/heic'));

-- Claim history is append-only, like the contributions'.
CREATE TRIGGER "claim_events_append_only" BEFORE UPDATE OR DELETE ON "claim_events"
  FOR EACH ROW EXECUTE FUNCTION "butin_forbid_change"();

-- A claim lies inside its period, and the claims of a period that is not open never change
-- (the same guard as contributions; FOR SHARE waits for a close in progress).
CREATE FUNCTION "butin_claim_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  p RECORD;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT "status" INTO p FROM "funding_periods" WHERE "id" = OLD."period_id" FOR SHARE;
    IF p."status" <> 'OPEN' THEN
      RAISE EXCEPTION 'period_closed: the period of claim % is %', OLD."id", p."status" USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT "status", "start_date", "end_date" INTO p FROM "funding_periods" WHERE "id" = NEW."period_id" FOR SHARE;
    IF p."status" <> 'OPEN' THEN
      RAISE EXCEPTION 'period_closed: the period of claim % is %', NEW."id", p."status" USING ERRCODE = 'check_violation';
    END IF;
    IF NEW."date" < p."start_date" OR NEW."date" > p."end_date" THEN
      RAISE EXCEPTION 'claim_outside_period: % is not within its period', NEW."date" USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  RETURN OLD;
END
$$;
CREATE TRIGGER "claims_guard" BEFORE INSERT OR UPDATE OR DELETE ON "claims"
  FOR EACH ROW EXECUTE FUNCTION "butin_claim_guard"();

-- Files: added and removed only while the item's period is open (kept forever once it is closed),
-- and at most 10 per item even when two uploads race (the item's row is locked while counting).
CREATE FUNCTION "butin_attachment_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rec RECORD;
  period_status "PeriodStatus";
  n INTEGER;
BEGIN
  IF TG_OP = 'DELETE' THEN rec := OLD; ELSE rec := NEW; END IF;
  IF rec."claim_id" IS NOT NULL THEN
    PERFORM 1 FROM "claims" WHERE "id" = rec."claim_id" FOR UPDATE;
    SELECT f."status" INTO period_status FROM "claims" c JOIN "funding_periods" f ON f."id" = c."period_id"
     WHERE c."id" = rec."claim_id";
    SELECT count(*) INTO n FROM "attachments" WHERE "claim_id" = rec."claim_id";
  ELSE
    PERFORM 1 FROM "contributions" WHERE "id" = rec."contribution_id" FOR UPDATE;
    SELECT f."status" INTO period_status FROM "contributions" c JOIN "funding_periods" f ON f."id" = c."period_id"
     WHERE c."id" = rec."contribution_id";
    SELECT count(*) INTO n FROM "attachments" WHERE "contribution_id" = rec."contribution_id";
  END IF;
  -- (No period: the item itself is being deleted, which cascades here.)
  IF period_status IS NOT NULL AND period_status <> 'OPEN' AND TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'period_closed: the files of a closed period are kept' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'INSERT' AND n >= 10 THEN
    RAISE EXCEPTION 'too_many_attachments: at most 10 files per item' USING ERRCODE = 'check_violation';
  END IF;
  RETURN rec;
END
$$;
CREATE TRIGGER "attachments_guard" BEFORE INSERT OR UPDATE OR DELETE ON "attachments"
  FOR EACH ROW EXECUTE FUNCTION "butin_attachment_guard"();
