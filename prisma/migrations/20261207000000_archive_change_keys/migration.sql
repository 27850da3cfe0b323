-- Hand-written: a change to a wire says what it changed, so that the page cache retires only the pages
-- that show it (lib/http/render-dependencies.ts names the keys and what reads them). The notification's
-- payload on "archive_changed" is a comma-separated list of keys:
--   wire:<id>            the wire in full (its page, its history)
--   card:<id>            the wire as lists show it
--   lists                which wires lists hold, their order and every count
--   tag:c:<code>         the wires that share a code (related events)
--   tag:p:<provider id>  the wires that share a provider
--   guides               which guides a wire lists
-- or "*" (or nothing) for everything: providers, codes, guides, TRUNCATE, and statements that touch
-- more than 50 wires (imports, bulk writes), where one wholesale message is cheaper than many keys.
-- Statement-level triggers with transition tables: one notification per statement and key set, and
-- PostgreSQL sends identical ones once per transaction, only when it commits.

CREATE FUNCTION archive_notify_keys(keys text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  payload text;
BEGIN
  IF keys IS NULL OR cardinality(keys) = 0 THEN
    RETURN;
  END IF;
  payload := array_to_string(ARRAY(SELECT DISTINCT k FROM unnest(keys) AS k ORDER BY k), ',');
  IF length(payload) > 7000 THEN
    payload := '*';
  END IF;
  PERFORM pg_notify('archive_changed', payload);
END
$$;

-- The keys of some wires: always wire:<id>; with `listed`, card:<id> and lists; with `tags`, their codes' and providers' tag keys.
CREATE FUNCTION archive_wire_keys(ids text[], listed boolean, tags boolean) RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN ids IS NULL OR cardinality(ids) = 0 THEN '{}'::text[] WHEN cardinality(ids) > 50 THEN ARRAY['*'] ELSE
    ARRAY(SELECT 'wire:' || id FROM unnest(ids) AS id)
    || CASE WHEN listed THEN ARRAY(SELECT 'card:' || id FROM unnest(ids) AS id) || ARRAY['lists'] ELSE '{}'::text[] END
    || CASE WHEN tags THEN
         ARRAY(SELECT 'tag:c:' || code FROM wire_code WHERE wire_id = ANY(ids))
         || ARRAY(SELECT 'tag:p:' || provider_id FROM wire_provider WHERE wire_id = ANY(ids))
       ELSE '{}'::text[] END
  END
$$;

-- The tables whose rows belong to one wire (TG_ARGV[0] names the column that says which): rationale and
-- source name the wire in full and its card (the card shows the rationale's version and counts sources);
-- rationale_revision and wire_link the wire in full (its history, its curated related events); wire_guide
-- the wire in full and the guides' lists. TG_ARGV[1]: the keys besides wire:<id> (card, guides or none).
CREATE FUNCTION archive_notify_wire_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM new_rows', TG_ARGV[0]) INTO ids;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM old_rows', TG_ARGV[0]) INTO ids;
  ELSE
    EXECUTE format('SELECT array_agg(DISTINCT k) FROM (SELECT %1$I AS k FROM old_rows UNION SELECT %1$I FROM new_rows) AS both_rows', TG_ARGV[0]) INTO ids;
  END IF;
  IF cardinality(ids) > 50 THEN
    PERFORM archive_notify_keys(ARRAY['*']);
  ELSIF TG_ARGV[1] = 'card' THEN
    PERFORM archive_notify_keys(archive_wire_keys(ids, false, false) || ARRAY(SELECT 'card:' || id FROM unnest(ids) AS id));
  ELSIF TG_ARGV[1] = 'guides' THEN
    PERFORM archive_notify_keys(archive_wire_keys(ids, false, false) || ARRAY['guides']);
  ELSE
    PERFORM archive_notify_keys(archive_wire_keys(ids, false, false));
  END IF;
  RETURN NULL;
END
$$;

-- wire: a new or removed wire moves lists; an update says what it changed. Only its update time or its
-- search columns: the wire's own page. Its text, severity, standard or dates: its card and lists too.
-- Its status, event date or merger: also the related events of every wire sharing its codes or providers.
CREATE FUNCTION archive_notify_wire() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched text[];
  shown text[];
  placed text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(id) INTO shown FROM new_rows;
    PERFORM archive_notify_keys(archive_wire_keys(shown, true, false));
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(id) INTO shown FROM old_rows;
    PERFORM archive_notify_keys(archive_wire_keys(shown, true, false));
  ELSE
    SELECT array_agg(n.id),
        array_agg(n.id) FILTER (WHERE (o.slug, o.headline, o.summary, o.body, o.severity, o.sourcing_standard, o.status, o.status_note,
          o.occurred_on, o.published_at, o.merged_into_id) IS DISTINCT FROM (n.slug, n.headline, n.summary, n.body, n.severity,
          n.sourcing_standard, n.status, n.status_note, n.occurred_on, n.published_at, n.merged_into_id)),
        array_agg(n.id) FILTER (WHERE (o.status, o.occurred_on, o.merged_into_id) IS DISTINCT FROM (n.status, n.occurred_on, n.merged_into_id))
      INTO touched, shown, placed
      FROM old_rows o JOIN new_rows n ON n.ord = o.ord;
    IF cardinality(touched) > 50 THEN
      PERFORM archive_notify_keys(ARRAY['*']);
    ELSE
      PERFORM archive_notify_keys(archive_wire_keys(touched, false, false) || archive_wire_keys(shown, true, false) || archive_wire_keys(placed, false, true));
    END IF;
  END IF;
  RETURN NULL;
END
$$;

-- wire_provider, wire_code: the wire, its card, lists and counts, and the related events of the tag gained or lost.
CREATE FUNCTION archive_notify_wire_tag() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rows jsonb;
  ids text[];
  tags text[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(to_jsonb(r)) INTO rows FROM old_rows r;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(to_jsonb(r)) INTO rows FROM new_rows r;
  ELSE
    SELECT jsonb_agg(to_jsonb(r)) INTO rows FROM (SELECT to_jsonb(o) AS r FROM old_rows o UNION ALL SELECT to_jsonb(n) FROM new_rows n) AS both_rows(r);
  END IF;
  SELECT array_agg(DISTINCT r->>'wire_id'),
      array_agg(DISTINCT CASE WHEN TG_TABLE_NAME = 'wire_code' THEN 'tag:c:' || (r->>'code') ELSE 'tag:p:' || (r->>'provider_id') END)
    INTO ids, tags
    FROM jsonb_array_elements(rows) AS r;
  IF cardinality(ids) > 50 THEN
    PERFORM archive_notify_keys(ARRAY['*']);
  ELSE
    PERFORM archive_notify_keys(archive_wire_keys(ids, true, false) || tags);
  END IF;
  RETURN NULL;
END
$$;

-- Each table's triggers: its function, and the function's arguments.
DO $$
DECLARE
  spec text[];
BEGIN
  FOREACH spec SLICE 1 IN ARRAY ARRAY[
    ['rationale', 'archive_notify_wire_rows', 'wire_id', 'card'],
    ['rationale_revision', 'archive_notify_wire_rows', 'wire_id', 'none'],
    ['source', 'archive_notify_wire_rows', 'wire_id', 'card'],
    ['wire_link', 'archive_notify_wire_rows', 'from_id', 'none'],
    ['wire_guide', 'archive_notify_wire_rows', 'wire_id', 'guides'],
    ['wire', 'archive_notify_wire', '', ''],
    ['wire_provider', 'archive_notify_wire_tag', '', ''],
    ['wire_code', 'archive_notify_wire_tag', '', '']
  ]
  LOOP
    -- The wholesale trigger of 20261201000000 stays for TRUNCATE only.
    EXECUTE format('DROP TRIGGER %I ON %I', spec[1] || '_notify_change', spec[1]);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION archive_notify_change()', spec[1] || '_notify_truncate', spec[1]);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I(%s)',
      spec[1] || '_notify_insert', spec[1], spec[2], CASE WHEN spec[3] = '' THEN '' ELSE format('%L, %L', spec[3], spec[4]) END);
    -- Revisions are append-only: a trigger refuses UPDATE and DELETE.
    CONTINUE WHEN spec[1] = 'rationale_revision';
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I(%s)',
      spec[1] || '_notify_update', spec[1], spec[2], CASE WHEN spec[3] = '' THEN '' ELSE format('%L, %L', spec[3], spec[4]) END);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION %I(%s)',
      spec[1] || '_notify_delete', spec[1], spec[2], CASE WHEN spec[3] = '' THEN '' ELSE format('%L, %L', spec[3], spec[4]) END);
  END LOOP;
END
$$;
