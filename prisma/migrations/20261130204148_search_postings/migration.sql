-- AlterTable
ALTER TABLE "wire" ADD COLUMN     "text_seq" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "search_block" (
    "block" INTEGER NOT NULL,
    "horizon" BIGINT NOT NULL,
    "token" UUID NOT NULL DEFAULT gen_random_uuid(),
    "built_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "wires" INTEGER NOT NULL,

    CONSTRAINT "search_block_pkey" PRIMARY KEY ("block")
);

-- CreateTable
CREATE TABLE "search_posting" (
    "lexeme" TEXT NOT NULL,
    "block" INTEGER NOT NULL,
    "ords" BYTEA NOT NULL,
    "headline" BYTEA,
    "summary" BYTEA,
    "positions" BYTEA NOT NULL,

    CONSTRAINT "search_posting_pkey" PRIMARY KEY ("lexeme","block")
);

-- CreateIndex
CREATE INDEX "wire_text_seq_idx" ON "wire"("text_seq");

-- Hand-written: text_seq follows the searchable text. It takes the change's search_seq when a wire is
-- inserted or its headline, summary, body or vector changes, and stays put on other updates (an
-- amended rationale, a new status), so those leave the wire's block postings current. Wires already
-- in the archive keep 0: no block has postings yet, so all of them are searched live until one is built.
CREATE OR REPLACE FUNCTION wire_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_OP = 'INSERT' AND NEW.search_vector IS NULL)
     OR (TG_OP = 'UPDATE' AND (NEW.headline IS DISTINCT FROM OLD.headline OR NEW.summary IS DISTINCT FROM OLD.summary
       OR NEW.body IS DISTINCT FROM OLD.body OR NEW.search_vector IS NULL)) THEN
    NEW.search_vector :=
      setweight(to_tsvector('english', translate(NEW.headline, '·', '-')), 'A') ||
      setweight(to_tsvector('english', translate(NEW.summary, '·', '-')), 'B') ||
      setweight(to_tsvector('english', translate(NEW.body, '·', '-')), 'C');
  END IF;
  NEW.search_seq := nextval('wire_search_seq_seq');
  IF TG_OP = 'INSERT' OR NEW.search_vector IS DISTINCT FROM OLD.search_vector THEN
    NEW.text_seq := NEW.search_seq;
  END IF;
  RETURN NEW;
END;
$$;

-- Hand-written: ordinal sets are stored as they are (they hardly compress), out of line when large.
ALTER TABLE "search_posting" ALTER COLUMN "ords" SET STORAGE EXTERNAL;
ALTER TABLE "search_posting" ALTER COLUMN "headline" SET STORAGE EXTERNAL;
ALTER TABLE "search_posting" ALTER COLUMN "summary" SET STORAGE EXTERNAL;
ALTER TABLE "search_posting" ALTER COLUMN "positions" SET STORAGE EXTERNAL;
