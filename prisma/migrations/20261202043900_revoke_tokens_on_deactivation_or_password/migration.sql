-- A person's API tokens die for good when the person is deactivated or their password changes
-- (a reset, an invitation accepted, the first-admin set-up): reactivating someone or resetting a
-- password never brings an old token back; the person makes new ones. A trigger, so every path
-- that changes a person (pages, API, scripts, anonymisation) revokes alike, in the same
-- transaction as the change.
CREATE FUNCTION "butin_revoke_person_tokens"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (OLD."active" AND NOT NEW."active") OR (NEW."password_hash" IS DISTINCT FROM OLD."password_hash") THEN
    UPDATE "api_tokens" SET "revoked_at" = now() WHERE "person_id" = NEW."id" AND "revoked_at" IS NULL;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "people_revoke_tokens" AFTER UPDATE OF "active", "password_hash" ON "people"
  FOR EACH ROW EXECUTE FUNCTION "butin_revoke_person_tokens"();

-- Tokens of people who are inactive today were only suspended so far: revoke them now.
UPDATE "api_tokens" t SET "revoked_at" = now()
  FROM "people" p
 WHERE p."id" = t."person_id" AND NOT p."active" AND t."revoked_at" IS NULL;
