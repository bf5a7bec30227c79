-- The plan (prévisionnel) of a period: planned minutes and fixed cents per chantier and person
-- (person_id NULL = anyone), replaced a chantier at a time (docs/plans.md).

-- CreateTable
CREATE TABLE "plan_lines" (
    "id" TEXT NOT NULL,
    "period_id" TEXT NOT NULL,
    "chantier_id" TEXT NOT NULL,
    "person_id" TEXT,
    "planned_minutes" INTEGER NOT NULL,
    "planned_fixed_cents" INTEGER NOT NULL DEFAULT 0,
    "updated_by_id" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plan_lines_pkey" PRIMARY KEY ("id")
);

-- CreateIndex: one line per person (and one "anyone" line) per chantier and period.
CREATE UNIQUE INDEX "plan_lines_target_unique" ON "plan_lines"("period_id", "chantier_id", "person_id") NULLS NOT DISTINCT;

-- AddForeignKey
ALTER TABLE "plan_lines" ADD CONSTRAINT "plan_lines_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "funding_periods"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_lines" ADD CONSTRAINT "plan_lines_chantier_id_fkey" FOREIGN KEY ("chantier_id") REFERENCES "chantiers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_lines" ADD CONSTRAINT "plan_lines_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_lines" ADD CONSTRAINT "plan_lines_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- What the database refuses on its own.
ALTER TABLE "plan_lines" ADD CONSTRAINT "plan_lines_minutes_range" CHECK ("planned_minutes" >= 0 AND "planned_minutes" <= 6000000);
ALTER TABLE "plan_lines" ADD CONSTRAINT "plan_lines_fixed_range" CHECK ("planned_fixed_cents" >= 0 AND "planned_fixed_cents" <= 100000000);

-- A closed period's plan is frozen like its contributions.
CREATE FUNCTION plan_lines_open_period() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  period_status "PeriodStatus";
BEGIN
  SELECT status INTO period_status FROM funding_periods
   WHERE id = COALESCE(NEW.period_id, OLD.period_id);
  -- (No period row: the period itself is being deleted, which cascades here.)
  IF period_status IS NOT NULL AND period_status <> 'OPEN' THEN
    RAISE EXCEPTION 'The plan of a closed period cannot change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;

CREATE TRIGGER plan_lines_open_period
  BEFORE INSERT OR UPDATE OR DELETE ON "plan_lines"
  FOR EACH ROW EXECUTE FUNCTION plan_lines_open_period();
