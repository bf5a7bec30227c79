-- The contributions export reads a period's contributions in (date, id) order, batch after batch
-- from a keyset cursor: this index serves both the order and the cursor.
-- CreateIndex
CREATE INDEX "contributions_period_id_date_id_idx" ON "contributions"("period_id", "date", "id");
