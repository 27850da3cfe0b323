-- AlterTable
ALTER TABLE "wire" ADD COLUMN     "ord" SERIAL NOT NULL,
ADD COLUMN     "search_seq" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "search_vector" tsvector;

-- CreateIndex
CREATE INDEX "provider_alias_trgm_idx" ON "provider_alias" USING GIN ("alias" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "wire_ord_key" ON "wire"("ord");

-- CreateIndex
CREATE INDEX "wire_search_vector_idx" ON "wire" USING GIN ("search_vector");

-- CreateIndex
CREATE INDEX "wire_headline_trgm_idx" ON "wire" USING GIN ("headline" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "wire_search_seq_idx" ON "wire"("search_seq");

-- Hand-written: the search vector and the change sequence are kept by a trigger, so that every
-- writer (importer, generator, editors) keeps them right without knowing about them.
CREATE SEQUENCE "wire_search_seq_seq";

CREATE FUNCTION wire_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.headline IS DISTINCT FROM OLD.headline OR NEW.summary IS DISTINCT FROM OLD.summary
     OR NEW.body IS DISTINCT FROM OLD.body OR NEW.search_vector IS NULL THEN
    NEW.search_vector :=
      setweight(to_tsvector('english', NEW.headline), 'A') ||
      setweight(to_tsvector('english', NEW.summary), 'B') ||
      setweight(to_tsvector('english', NEW.body), 'C');
  END IF;
  NEW.search_seq := nextval('wire_search_seq_seq');
  RETURN NEW;
END;
$$;

CREATE TRIGGER wire_search_refresh BEFORE INSERT OR UPDATE ON "wire"
  FOR EACH ROW EXECUTE FUNCTION wire_search_refresh();

-- Existing wires get their vector and a place in the sequence.
UPDATE "wire" SET "search_vector" = NULL;
