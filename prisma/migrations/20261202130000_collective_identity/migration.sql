-- The collective's identity, printed on the documents it sends (statements, funder report): legal
-- name, postal address, SIRET and RNA number. All optional; the display name stays `name`.
ALTER TABLE "collective_settings"
  ADD COLUMN "legal_name" TEXT,
  ADD COLUMN "address" TEXT,
  ADD COLUMN "siret" TEXT,
  ADD COLUMN "rna" TEXT;
