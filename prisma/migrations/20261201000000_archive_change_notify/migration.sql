-- Hand-written: every committed change to what the public pages show sends one notification on the
-- channel "archive_changed". The app listens, and its page cache drops what such a change may
-- have made stale. PostgreSQL delivers a notification only when its transaction commits, and sends
-- one per transaction however many statements raised it, so a bulk import costs one message.
-- Editors' accounts, sessions, the audit trail and the search postings are not public content.
CREATE FUNCTION archive_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('archive_changed', '');
  RETURN NULL;
END
$$;

DO $$
DECLARE
  content_table text;
BEGIN
  FOREACH content_table IN ARRAY ARRAY['provider', 'provider_alias', 'code_family', 'code', 'wire', 'source', 'wire_provider',
    'wire_code', 'wire_link', 'rationale', 'rationale_revision', 'guide', 'guide_code', 'guide_provider', 'wire_guide']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION archive_notify_change()',
      content_table || '_notify_change', content_table);
  END LOOP;
END
$$;
