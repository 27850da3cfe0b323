-- Hand-written: an INSERT may bring its own search vector (the synthetic generator builds it from
-- PostgreSQL's own parse of each word, which is much cheaper than parsing every wire again). Inserts
-- without one, and every update that changes the text or clears the vector, still get it computed.
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
  RETURN NEW;
END;
$$;

-- Hand-written: keep the search vector in the row, and let the body move to the TOAST table instead.
-- A vector is about the size of its body and compresses poorly, so by default it was the value moved
-- out of the row, and ranking a common word's matches fetched each vector from TOAST (several times
-- slower than reading it in place). Rows written from now on are stored this way; VACUUM FULL "wire"
-- rewrites older ones.
ALTER TABLE "wire" ALTER COLUMN "search_vector" SET STORAGE MAIN;
