-- Hand-written: index "DALL·E" as "DALL-E", so that searches for dall-e, DALL·E and dalle all find it.
CREATE OR REPLACE FUNCTION wire_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.headline IS DISTINCT FROM OLD.headline OR NEW.summary IS DISTINCT FROM OLD.summary
     OR NEW.body IS DISTINCT FROM OLD.body OR NEW.search_vector IS NULL THEN
    NEW.search_vector :=
      setweight(to_tsvector('english', translate(NEW.headline, '·', '-')), 'A') ||
      setweight(to_tsvector('english', translate(NEW.summary, '·', '-')), 'B') ||
      setweight(to_tsvector('english', translate(NEW.body, '·', '-')), 'C');
  END IF;
  NEW.search_seq := nextval('wire_search_seq_seq');
  RETURN NEW;
END;
$$;

UPDATE "wire" SET "search_vector" = NULL WHERE strpos(headline || summary || body, '·') > 0;
