-- Hand-written: a wire's row outgrows the 2 kB at which PostgreSQL compresses its largest values (the
-- body and the search vector). pglz, the default, compresses about ten times slower than lz4, and a
-- vector hardly compresses at all, so the time went into attempts that gain nothing; with lz4 a write
-- of a wire costs less. Servers built without lz4 (the embedded database is one) keep pglz. Values
-- already stored keep their method until they are written again.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
    ALTER TABLE "wire" ALTER COLUMN "body" SET COMPRESSION lz4, ALTER COLUMN "search_vector" SET COMPRESSION lz4;
  END IF;
END
$$;
