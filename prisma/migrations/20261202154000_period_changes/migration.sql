-- A change counter per period, moved forward by triggers in the same transaction as any change to what
-- prices the period (docs/architecture.md, "The payout preview"): its approved contributions and
-- claims, its envelopes, its rates, and the period's own settings. The live payout preview is
-- cached in memory under (period, counter), so a change committed is a new key and nothing stale
-- is ever shown; a change rolled back leaves the counter as it was.
--
-- The counter is a row of its own table, not a column of funding_periods: the guards of
-- contributions and claims lock the period row FOR SHARE, and two transactions that each hold that
-- lock and then both update the row would deadlock. Bumping another row only queues writers of
-- the same period one after the other, until each commits.
--
-- Its values come from one sequence for the whole database, so they only ever grow: a period
-- emptied and filled again (TRUNCATE, a restore) never finds an old value, and so an old cached
-- preview, again. The sequence belongs to no column: TRUNCATE … RESTART IDENTITY leaves it be.
CREATE SEQUENCE "period_change_seq" AS BIGINT;
CREATE TABLE "period_changes" (
    "period_id" TEXT NOT NULL,
    "change_count" BIGINT NOT NULL,

    CONSTRAINT "period_changes_pkey" PRIMARY KEY ("period_id"),
    CONSTRAINT "period_changes_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "funding_periods"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

INSERT INTO "period_changes" ("period_id", "change_count") SELECT "id", nextval('period_change_seq') FROM "funding_periods";

-- Bumps the counter of each period of the changed rows once per statement (transition tables:
-- approving 200 contributions at once, or loading them with COPY, bumps it once). TG_ARGV[0] =
-- 'approved' counts only rows that are, or were, approved and not deleted: a draft being typed
-- does not price.
CREATE FUNCTION "butin_bump_period_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids TEXT[];
BEGIN
  IF TG_ARGV[0] = 'approved' THEN
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(DISTINCT "period_id") INTO ids FROM new_rows WHERE "status" = 'APPROVED' AND "deleted_at" IS NULL;
    ELSIF TG_OP = 'UPDATE' THEN
      SELECT array_agg(DISTINCT "period_id") INTO ids FROM (
        SELECT "period_id" FROM new_rows WHERE "status" = 'APPROVED' AND "deleted_at" IS NULL
        UNION SELECT "period_id" FROM old_rows WHERE "status" = 'APPROVED' AND "deleted_at" IS NULL) AS changed;
    ELSE
      SELECT array_agg(DISTINCT "period_id") INTO ids FROM old_rows WHERE "status" = 'APPROVED' AND "deleted_at" IS NULL;
    END IF;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT "period_id") INTO ids FROM new_rows;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(DISTINCT "period_id") INTO ids FROM (
      SELECT "period_id" FROM new_rows UNION SELECT "period_id" FROM old_rows) AS changed;
  ELSE
    SELECT array_agg(DISTINCT "period_id") INTO ids FROM old_rows;
  END IF;
  IF ids IS NOT NULL THEN
    -- In the periods' order, so two statements touching the same periods queue instead of deadlocking;
    -- a period deleted by this very statement (envelopes cascading) has nothing left to count.
    INSERT INTO "period_changes" ("period_id", "change_count")
      SELECT f."id", nextval('period_change_seq') FROM "funding_periods" f WHERE f."id" = ANY(ids) ORDER BY f."id"
      ON CONFLICT ("period_id") DO UPDATE SET "change_count" = nextval('period_change_seq');
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "contributions_period_changes_insert" AFTER INSERT ON "contributions"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "butin_bump_period_changes"('approved');
CREATE TRIGGER "contributions_period_changes_update" AFTER UPDATE ON "contributions"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "butin_bump_period_changes"('approved');
CREATE TRIGGER "contributions_period_changes_delete" AFTER DELETE ON "contributions"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "butin_bump_period_changes"('approved');

CREATE TRIGGER "claims_period_changes_insert" AFTER INSERT ON "claims"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "butin_bump_period_changes"('approved');
CREATE TRIGGER "claims_period_changes_update" AFTER UPDATE ON "claims"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "butin_bump_period_changes"('approved');
CREATE TRIGGER "claims_period_changes_delete" AFTER DELETE ON "claims"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "butin_bump_period_changes"('approved');

CREATE TRIGGER "envelopes_period_changes_insert" AFTER INSERT ON "envelopes"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "butin_bump_period_changes"('all');
CREATE TRIGGER "envelopes_period_changes_update" AFTER UPDATE ON "envelopes"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "butin_bump_period_changes"('all');
CREATE TRIGGER "envelopes_period_changes_delete" AFTER DELETE ON "envelopes"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "butin_bump_period_changes"('all');

CREATE TRIGGER "rate_overrides_period_changes_insert" AFTER INSERT ON "rate_overrides"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "butin_bump_period_changes"('all');
CREATE TRIGGER "rate_overrides_period_changes_update" AFTER UPDATE ON "rate_overrides"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "butin_bump_period_changes"('all');
CREATE TRIGGER "rate_overrides_period_changes_delete" AFTER DELETE ON "rate_overrides"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "butin_bump_period_changes"('all');

-- The period's own settings (rate, cap, policy, mileage rate, status): any update of its row.
CREATE FUNCTION "butin_bump_own_period_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "period_changes" ("period_id", "change_count") VALUES (NEW."id", nextval('period_change_seq'))
    ON CONFLICT ("period_id") DO UPDATE SET "change_count" = nextval('period_change_seq');
  RETURN NULL;
END
$$;
CREATE TRIGGER "funding_periods_period_changes" AFTER UPDATE ON "funding_periods"
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "butin_bump_own_period_changes"();

-- TRUNCATE (tests, maintenance) fires no row or statement trigger: it moves every period forward.
CREATE FUNCTION "butin_bump_all_period_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "period_changes" SET "change_count" = nextval('period_change_seq');
  RETURN NULL;
END
$$;
CREATE TRIGGER "contributions_period_changes_truncate" AFTER TRUNCATE ON "contributions"
  FOR EACH STATEMENT EXECUTE FUNCTION "butin_bump_all_period_changes"();
CREATE TRIGGER "claims_period_changes_truncate" AFTER TRUNCATE ON "claims"
  FOR EACH STATEMENT EXECUTE FUNCTION "butin_bump_all_period_changes"();
CREATE TRIGGER "envelopes_period_changes_truncate" AFTER TRUNCATE ON "envelopes"
  FOR EACH STATEMENT EXECUTE FUNCTION "butin_bump_all_period_changes"();
CREATE TRIGGER "rate_overrides_period_changes_truncate" AFTER TRUNCATE ON "rate_overrides"
  FOR EACH STATEMENT EXECUTE FUNCTION "butin_bump_all_period_changes"();
