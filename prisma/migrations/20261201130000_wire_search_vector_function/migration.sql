-- Hand-written: a wire's search vector is defined once, in wire_search_vector(), which the trigger
-- calls and which a bulk INSERT can call itself (the synthetic generator does, for the rare text it
-- does not build a vector for, when it writes with per-row triggers switched off).
CREATE FUNCTION wire_search_vector(headline text, summary text, body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN setweight(to_tsvector('english'::regconfig, translate(headline, '·', '-')), 'A') ||
    setweight(to_tsvector('english'::regconfig, translate(summary, '·', '-')), 'B') ||
    setweight(to_tsvector('english'::regconfig, translate(body, '·', '-')), 'C');

CREATE OR REPLACE FUNCTION wire_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_OP = 'INSERT' AND NEW.search_vector IS NULL)
     OR (TG_OP = 'UPDATE' AND (NEW.headline IS DISTINCT FROM OLD.headline OR NEW.summary IS DISTINCT FROM OLD.summary
       OR NEW.body IS DISTINCT FROM OLD.body OR NEW.search_vector IS NULL)) THEN
    NEW.search_vector := wire_search_vector(NEW.headline, NEW.summary, NEW.body);
  END IF;
  NEW.search_seq := nextval('wire_search_seq_seq');
  IF TG_OP = 'INSERT' OR NEW.search_vector IS DISTINCT FROM OLD.search_vector THEN
    NEW.text_seq := NEW.search_seq;
  END IF;
  RETURN NEW;
END;
$$;
