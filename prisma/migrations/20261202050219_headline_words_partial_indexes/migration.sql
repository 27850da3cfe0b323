-- DropIndex
DROP INDEX "rationale_basis_idx";

-- DropIndex
DROP INDEX "rationale_revision_created_at_idx";

-- DropIndex
DROP INDEX "rationale_revision_editor_id_created_at_idx";

-- DropIndex
DROP INDEX "wire_headline_trgm_idx";

-- DropIndex
DROP INDEX "wire_merged_into_id_idx";

-- DropIndex
DROP INDEX "wire_severity_idx";

-- DropIndex
DROP INDEX "wire_status_idx";

-- CreateTable
CREATE TABLE "headline_word" (
    "word" TEXT NOT NULL,

    CONSTRAINT "headline_word_pkey" PRIMARY KEY ("word")
);

-- CreateIndex
CREATE INDEX "headline_word_trgm_idx" ON "headline_word" USING GIN ("word" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "rationale_revision_editor_id_created_at_idx" ON "rationale_revision"("editor_id", "created_at") WHERE (editor_id IS NOT NULL);

-- CreateIndex
CREATE INDEX "rationale_revision_created_at_idx" ON "rationale_revision"("created_at") WHERE (editor_id IS NOT NULL);

-- CreateIndex
CREATE INDEX "wire_status_idx" ON "wire"("status") WHERE (status <> 'PUBLISHED');

-- CreateIndex
CREATE INDEX "wire_merged_into_id_idx" ON "wire"("merged_into_id") WHERE (merged_into_id IS NOT NULL);

-- Hand-written: the words of a headline as "did you mean" offers them (lower case, split at anything
-- that is not a letter or a digit, three characters or more), kept in headline_word by two
-- statement-level triggers on wire, so that a bulk insert adds its words in one sorted statement.
-- The synthetic generator, which writes with per-row and statement triggers switched off, adds the
-- words of its headlines itself, with the same function.
CREATE FUNCTION headline_words(headline text) RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT word FROM regexp_split_to_table(lower(headline), '[^[:alnum:]]+') AS word WHERE length(word) >= 3
$$;

CREATE FUNCTION wire_headline_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Sorted, so that two transactions adding the same new words take them in the same order.
  INSERT INTO headline_word (word)
  SELECT DISTINCT word FROM changed, headline_words(changed.headline) AS word ORDER BY word
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;

CREATE TRIGGER wire_headline_words_insert AFTER INSERT ON "wire"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION wire_headline_words();
CREATE TRIGGER wire_headline_words_update AFTER UPDATE ON "wire"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION wire_headline_words();

INSERT INTO headline_word (word)
SELECT DISTINCT word FROM "wire", headline_words("wire".headline) AS word ORDER BY word
ON CONFLICT DO NOTHING;
