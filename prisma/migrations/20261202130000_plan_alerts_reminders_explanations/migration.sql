-- Envelope alerts and reminders already sent (each once: a key the database enforces, so two
-- instances never send twice), the explanations of the compte rendu financier, and the setting
-- for the period-end reminder (docs/plans.md).

-- AlterTable
ALTER TABLE "collective_settings" ADD COLUMN     "reminder_days_before_end" INTEGER NOT NULL DEFAULT 7;

-- CreateTable
CREATE TABLE "plan_alerts_sent" (
    "period_id" TEXT NOT NULL,
    "chantier_id" TEXT NOT NULL,
    "threshold" INTEGER NOT NULL,
    "envelope_cents" INTEGER NOT NULL,
    "demand_cents" INTEGER NOT NULL,
    "forecast_cents" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plan_alerts_sent_pkey" PRIMARY KEY ("period_id","chantier_id","threshold")
);

-- CreateTable
CREATE TABLE "reminders_sent" (
    "person_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "kind" TEXT NOT NULL,
    "period_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reminders_sent_pkey" PRIMARY KEY ("person_id","day","kind")
);

-- CreateTable
CREATE TABLE "plan_explanations" (
    "period_id" TEXT NOT NULL,
    "chantier_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "updated_by_id" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plan_explanations_pkey" PRIMARY KEY ("period_id","chantier_id")
);

-- CreateIndex
CREATE INDEX "reminders_sent_period_id_kind_idx" ON "reminders_sent"("period_id", "kind");

-- AddForeignKey
ALTER TABLE "plan_alerts_sent" ADD CONSTRAINT "plan_alerts_sent_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "funding_periods"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_alerts_sent" ADD CONSTRAINT "plan_alerts_sent_chantier_id_fkey" FOREIGN KEY ("chantier_id") REFERENCES "chantiers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminders_sent" ADD CONSTRAINT "reminders_sent_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminders_sent" ADD CONSTRAINT "reminders_sent_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "funding_periods"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_explanations" ADD CONSTRAINT "plan_explanations_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "funding_periods"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_explanations" ADD CONSTRAINT "plan_explanations_chantier_id_fkey" FOREIGN KEY ("chantier_id") REFERENCES "chantiers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_explanations" ADD CONSTRAINT "plan_explanations_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- What the database refuses on its own.
ALTER TABLE "collective_settings" ADD CONSTRAINT "collective_settings_reminder_days_range" CHECK ("reminder_days_before_end" >= 0 AND "reminder_days_before_end" <= 90);
ALTER TABLE "plan_alerts_sent" ADD CONSTRAINT "plan_alerts_sent_threshold" CHECK ("threshold" IN (80, 100));
ALTER TABLE "reminders_sent" ADD CONSTRAINT "reminders_sent_kind" CHECK ("kind" IN ('DRAFTS', 'PACE', 'PERIOD_END'));
ALTER TABLE "plan_explanations" ADD CONSTRAINT "plan_explanations_text_length" CHECK (char_length("text") <= 4000);
