-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'TREASURER', 'REFERENT', 'CONTRIBUTOR');

-- CreateEnum
CREATE TYPE "PeriodStatus" AS ENUM ('OPEN', 'CLOSED', 'PAID');

-- CreateEnum
CREATE TYPE "OverflowPolicy" AS ENUM ('PRORATA', 'FIRST_COME');

-- CreateEnum
CREATE TYPE "ContributionStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'CHANGES_REQUESTED');

-- CreateEnum
CREATE TYPE "ContributionEventKind" AS ENUM ('CREATED', 'EDITED', 'TRANSITION', 'DELETED', 'IMPORTED');

-- CreateEnum
CREATE TYPE "RateSource" AS ENUM ('PERSON_CHANTIER', 'PERSON', 'CHANTIER', 'DEFAULT');

-- CreateEnum
CREATE TYPE "PayoutRunStatus" AS ENUM ('CURRENT', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "PayeeType" AS ENUM ('SELF', 'ORGANISATION');

-- CreateEnum
CREATE TYPE "PaymentKind" AS ENUM ('PAYMENT', 'REVERSAL');

-- CreateEnum
CREATE TYPE "InvitationPurpose" AS ENUM ('INVITE', 'PASSWORD_RESET');

-- CreateEnum
CREATE TYPE "AuthAttemptKind" AS ENUM ('SIGN_IN', 'TOKEN');

-- CreateTable
CREATE TABLE "people" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "roles" "Role"[] DEFAULT ARRAY['CONTRIBUTOR']::"Role"[],
    "session_version" INTEGER NOT NULL DEFAULT 1,
    "locale" TEXT NOT NULL DEFAULT 'fr',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "people_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "referent_links" (
    "person_id" TEXT NOT NULL,
    "chantier_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "referent_links_pkey" PRIMARY KEY ("person_id","chantier_id")
);

-- CreateTable
CREATE TABLE "places" (
    "id" TEXT NOT NULL,
    "code" TEXT,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "places_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "chantiers" (
    "id" TEXT NOT NULL,
    "code" TEXT,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "chantiers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "collective_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL DEFAULT 'Mon collectif',
    "time_zone" TEXT NOT NULL DEFAULT 'Europe/Paris',
    "transparency" BOOLEAN NOT NULL DEFAULT true,
    "debtor_name" TEXT,
    "debtor_iban" TEXT,
    "debtor_bic" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "collective_settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "funding_periods" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "status" "PeriodStatus" NOT NULL DEFAULT 'OPEN',
    "default_rate_cents" INTEGER NOT NULL,
    "cap_minutes" INTEGER,
    "overflow_policy" "OverflowPolicy" NOT NULL DEFAULT 'PRORATA',
    "version" INTEGER NOT NULL DEFAULT 1,
    "closed_at" TIMESTAMPTZ(3),
    "closed_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "funding_periods_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "envelopes" (
    "period_id" TEXT NOT NULL,
    "chantier_id" TEXT NOT NULL,
    "amount_cents" INTEGER NOT NULL,

    CONSTRAINT "envelopes_pkey" PRIMARY KEY ("period_id","chantier_id")
);

-- CreateTable
CREATE TABLE "rate_overrides" (
    "id" TEXT NOT NULL,
    "period_id" TEXT NOT NULL,
    "person_id" TEXT,
    "chantier_id" TEXT,
    "rate_cents" INTEGER NOT NULL,

    CONSTRAINT "rate_overrides_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contributions" (
    "id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "chantier_id" TEXT NOT NULL,
    "place_id" TEXT,
    "period_id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "minutes" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "link" TEXT,
    "volunteer" BOOLEAN NOT NULL DEFAULT false,
    "status" "ContributionStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "reviewed_by_id" TEXT,
    "reviewed_at" TIMESTAMPTZ(3),
    "submitted_at" TIMESTAMPTZ(3),
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "contributions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contribution_events" (
    "id" BIGSERIAL NOT NULL,
    "contribution_id" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" "ContributionEventKind" NOT NULL,
    "from_status" "ContributionStatus",
    "to_status" "ContributionStatus",
    "comment" TEXT,
    "previous_values" JSONB,

    CONSTRAINT "contribution_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payout_runs" (
    "id" TEXT NOT NULL,
    "period_id" TEXT NOT NULL,
    "status" "PayoutRunStatus" NOT NULL DEFAULT 'CURRENT',
    "inputs" JSONB NOT NULL,
    "total_amount_cents" INTEGER NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "superseded_at" TIMESTAMPTZ(3),
    "superseded_reason" TEXT,

    CONSTRAINT "payout_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payout_lines" (
    "id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "chantier_id" TEXT NOT NULL,
    "rate_cents" INTEGER NOT NULL,
    "rate_source" "RateSource" NOT NULL,
    "approved_minutes" INTEGER NOT NULL,
    "volunteer_minutes" INTEGER NOT NULL,
    "capped_minutes" INTEGER NOT NULL,
    "amount_cents" INTEGER NOT NULL,
    "unpaid_value_cents" INTEGER NOT NULL,
    "volunteer_value_cents" INTEGER NOT NULL,
    "explanation" JSONB NOT NULL,

    CONSTRAINT "payout_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payout_profiles" (
    "person_id" TEXT NOT NULL,
    "payee_type" "PayeeType" NOT NULL DEFAULT 'SELF',
    "organisation_name" TEXT,
    "legal_name" TEXT NOT NULL,
    "iban" TEXT,
    "bic" TEXT,
    "siret" TEXT,
    "address_line1" TEXT,
    "address_line2" TEXT,
    "postal_code" TEXT,
    "city" TEXT,
    "country" TEXT NOT NULL DEFAULT 'FR',
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payout_profiles_pkey" PRIMARY KEY ("person_id")
);

-- CreateTable
CREATE TABLE "payments" (
    "id" TEXT NOT NULL,
    "period_id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "payee_key" TEXT NOT NULL,
    "payee_name" TEXT NOT NULL,
    "amount_cents" INTEGER NOT NULL,
    "paid_on" DATE NOT NULL,
    "reference" TEXT NOT NULL,
    "kind" "PaymentKind" NOT NULL DEFAULT 'PAYMENT',
    "reverses_id" TEXT,
    "reason" TEXT,
    "recorded_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitations" (
    "id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "purpose" "InvitationPurpose" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth_attempts" (
    "id" BIGSERIAL NOT NULL,
    "kind" "AuthAttemptKind" NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auth_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "data" JSONB,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "people_email_key" ON "people"("email");

-- CreateIndex
CREATE INDEX "referent_links_chantier_id_idx" ON "referent_links"("chantier_id");

-- CreateIndex
CREATE UNIQUE INDEX "places_code_key" ON "places"("code");

-- CreateIndex
CREATE UNIQUE INDEX "places_name_key" ON "places"("name");

-- CreateIndex
CREATE UNIQUE INDEX "chantiers_code_key" ON "chantiers"("code");

-- CreateIndex
CREATE UNIQUE INDEX "chantiers_name_key" ON "chantiers"("name");

-- CreateIndex
CREATE INDEX "funding_periods_start_date_idx" ON "funding_periods"("start_date");

-- CreateIndex
CREATE INDEX "rate_overrides_period_id_idx" ON "rate_overrides"("period_id");

-- CreateIndex
CREATE INDEX "contributions_person_id_date_id_idx" ON "contributions"("person_id", "date", "id");

-- CreateIndex
CREATE INDEX "contributions_chantier_id_status_date_id_idx" ON "contributions"("chantier_id", "status", "date", "id");

-- CreateIndex
CREATE INDEX "contributions_period_id_status_idx" ON "contributions"("period_id", "status");

-- CreateIndex
CREATE INDEX "contributions_status_date_id_idx" ON "contributions"("status", "date", "id");

-- CreateIndex
CREATE INDEX "contribution_events_contribution_id_id_idx" ON "contribution_events"("contribution_id", "id");

-- CreateIndex
CREATE INDEX "payout_runs_period_id_created_at_idx" ON "payout_runs"("period_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "payout_lines_run_id_person_id_chantier_id_key" ON "payout_lines"("run_id", "person_id", "chantier_id");

-- CreateIndex
CREATE INDEX "payments_period_id_payee_key_idx" ON "payments"("period_id", "payee_key");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_person_id_idx" ON "api_tokens"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations"("token_hash");

-- CreateIndex
CREATE INDEX "invitations_person_id_idx" ON "invitations"("person_id");

-- CreateIndex
CREATE INDEX "auth_attempts_email_at_idx" ON "auth_attempts"("email", "at");

-- CreateIndex
CREATE INDEX "auth_attempts_ip_at_idx" ON "auth_attempts"("ip", "at");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_idx" ON "audit_log"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- CreateIndex
CREATE INDEX "notifications_person_id_read_at_created_at_idx" ON "notifications"("person_id", "read_at", "created_at");

-- AddForeignKey
ALTER TABLE "referent_links" ADD CONSTRAINT "referent_links_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referent_links" ADD CONSTRAINT "referent_links_chantier_id_fkey" FOREIGN KEY ("chantier_id") REFERENCES "chantiers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "funding_periods" ADD CONSTRAINT "funding_periods_closed_by_id_fkey" FOREIGN KEY ("closed_by_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "envelopes" ADD CONSTRAINT "envelopes_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "funding_periods"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "envelopes" ADD CONSTRAINT "envelopes_chantier_id_fkey" FOREIGN KEY ("chantier_id") REFERENCES "chantiers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rate_overrides" ADD CONSTRAINT "rate_overrides_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "funding_periods"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rate_overrides" ADD CONSTRAINT "rate_overrides_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rate_overrides" ADD CONSTRAINT "rate_overrides_chantier_id_fkey" FOREIGN KEY ("chantier_id") REFERENCES "chantiers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_chantier_id_fkey" FOREIGN KEY ("chantier_id") REFERENCES "chantiers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_place_id_fkey" FOREIGN KEY ("place_id") REFERENCES "places"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "funding_periods"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contribution_events" ADD CONSTRAINT "contribution_events_contribution_id_fkey" FOREIGN KEY ("contribution_id") REFERENCES "contributions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contribution_events" ADD CONSTRAINT "contribution_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payout_runs" ADD CONSTRAINT "payout_runs_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "funding_periods"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payout_runs" ADD CONSTRAINT "payout_runs_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payout_lines" ADD CONSTRAINT "payout_lines_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "payout_runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payout_lines" ADD CONSTRAINT "payout_lines_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payout_lines" ADD CONSTRAINT "payout_lines_chantier_id_fkey" FOREIGN KEY ("chantier_id") REFERENCES "chantiers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payout_profiles" ADD CONSTRAINT "payout_profiles_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "funding_periods"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "payout_runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_reverses_id_fkey" FOREIGN KEY ("reverses_id") REFERENCES "payments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- ---------------------------------------------------------------------------------------------
-- What the database itself refuses. Prisma's schema language cannot express these, so they are
-- written by hand here; the application checks the same rules first to give clear messages.
-- ---------------------------------------------------------------------------------------------

ALTER TABLE "people" ADD CONSTRAINT "people_email_lowercase" CHECK ("email" = lower("email"));
ALTER TABLE "collective_settings" ADD CONSTRAINT "collective_settings_single_row" CHECK ("id" = 1);

-- Periods: a first day before the last, no negative money, and never two periods on one day.
ALTER TABLE "funding_periods" ADD CONSTRAINT "funding_periods_dates" CHECK ("end_date" >= "start_date");
ALTER TABLE "funding_periods" ADD CONSTRAINT "funding_periods_default_rate_nonnegative" CHECK ("default_rate_cents" >= 0);
ALTER TABLE "funding_periods" ADD CONSTRAINT "funding_periods_cap_nonnegative" CHECK ("cap_minutes" IS NULL OR "cap_minutes" >= 0);
ALTER TABLE "funding_periods" ADD CONSTRAINT "funding_periods_no_overlap"
  EXCLUDE USING gist (daterange("start_date", "end_date", '[]') WITH &&);

ALTER TABLE "envelopes" ADD CONSTRAINT "envelopes_amount_nonnegative" CHECK ("amount_cents" >= 0);
ALTER TABLE "rate_overrides" ADD CONSTRAINT "rate_overrides_rate_nonnegative" CHECK ("rate_cents" >= 0);
ALTER TABLE "rate_overrides" ADD CONSTRAINT "rate_overrides_has_target" CHECK ("person_id" IS NOT NULL OR "chantier_id" IS NOT NULL);
CREATE UNIQUE INDEX "rate_overrides_target_unique" ON "rate_overrides" ("period_id", "person_id", "chantier_id") NULLS NOT DISTINCT;

-- Contributions: one is at least a minute and at most a day.
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_minutes_range" CHECK ("minutes" BETWEEN 1 AND 1440);
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_version_positive" CHECK ("version" >= 1);

-- Payout runs and lines: no negative money or minutes; one current run per period. (The unpaid
-- value is a reported value, not money paid: the largest-remainder cent can make it -1.)
ALTER TABLE "payout_runs" ADD CONSTRAINT "payout_runs_total_nonnegative" CHECK ("total_amount_cents" >= 0);
CREATE UNIQUE INDEX "payout_runs_one_current_per_period" ON "payout_runs" ("period_id") WHERE "status" = 'CURRENT';
ALTER TABLE "payout_lines" ADD CONSTRAINT "payout_lines_nonnegative" CHECK (
  "rate_cents" >= 0 AND "approved_minutes" >= 0 AND "volunteer_minutes" >= 0 AND "capped_minutes" >= 0
  AND "amount_cents" >= 0 AND "volunteer_value_cents" >= 0);
ALTER TABLE "payments" ADD CONSTRAINT "payments_amount_positive" CHECK ("amount_cents" > 0);
ALTER TABLE "payments" ADD CONSTRAINT "payments_reversal_has_target" CHECK (
  ("kind" = 'PAYMENT' AND "reverses_id" IS NULL) OR ("kind" = 'REVERSAL' AND "reverses_id" IS NOT NULL AND "reason" IS NOT NULL));

-- Append-only tables: history, audit, payments and frozen payout lines are never edited or deleted
-- (TRUNCATE, used only by tests, is not a row change).
CREATE FUNCTION "butin_forbid_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER "contribution_events_append_only" BEFORE UPDATE OR DELETE ON "contribution_events"
  FOR EACH ROW EXECUTE FUNCTION "butin_forbid_change"();
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "butin_forbid_change"();
CREATE TRIGGER "payments_append_only" BEFORE UPDATE OR DELETE ON "payments"
  FOR EACH ROW EXECUTE FUNCTION "butin_forbid_change"();
CREATE TRIGGER "payout_lines_append_only" BEFORE UPDATE OR DELETE ON "payout_lines"
  FOR EACH ROW EXECUTE FUNCTION "butin_forbid_change"();

-- A contribution lies inside its period, and the contributions of a period that is not open never
-- change, whatever path the change takes. FOR SHARE waits for a close in progress (which locks the
-- period row FOR UPDATE), so a write cannot slip in while a payout run is being frozen.
CREATE FUNCTION "butin_contribution_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  p RECORD;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT "status" INTO p FROM "funding_periods" WHERE "id" = OLD."period_id" FOR SHARE;
    IF p."status" <> 'OPEN' THEN
      RAISE EXCEPTION 'period_closed: the period of contribution % is %', OLD."id", p."status" USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT "status", "start_date", "end_date" INTO p FROM "funding_periods" WHERE "id" = NEW."period_id" FOR SHARE;
    IF p."status" <> 'OPEN' THEN
      RAISE EXCEPTION 'period_closed: the period of contribution % is %', NEW."id", p."status" USING ERRCODE = 'check_violation';
    END IF;
    IF NEW."date" < p."start_date" OR NEW."date" > p."end_date" THEN
      RAISE EXCEPTION 'contribution_outside_period: % is not within its period', NEW."date" USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  RETURN OLD;
END
$$;
CREATE TRIGGER "contributions_guard" BEFORE INSERT OR UPDATE OR DELETE ON "contributions"
  FOR EACH ROW EXECUTE FUNCTION "butin_contribution_guard"();
