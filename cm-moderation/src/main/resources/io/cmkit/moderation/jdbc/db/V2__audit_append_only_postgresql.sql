-- cmkit moderation audit log, schema version 2 on PostgreSQL: the database itself refuses any
-- UPDATE, DELETE or TRUNCATE of audit entries, whoever sends it.

CREATE FUNCTION ${prefix}audit_entry_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'the cmkit audit log is append-only: % refused', TG_OP USING ERRCODE = '42501'; END $$ LANGUAGE plpgsql;

CREATE TRIGGER ${prefix}audit_entry_no_update_delete BEFORE UPDATE OR DELETE ON ${prefix}audit_entry FOR EACH ROW EXECUTE FUNCTION ${prefix}audit_entry_append_only();

CREATE TRIGGER ${prefix}audit_entry_no_truncate BEFORE TRUNCATE ON ${prefix}audit_entry FOR EACH STATEMENT EXECUTE FUNCTION ${prefix}audit_entry_append_only();
