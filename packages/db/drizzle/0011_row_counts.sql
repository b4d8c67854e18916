CREATE TABLE "row_count_deltas" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"table_name" text NOT NULL,
	"delta" bigint NOT NULL
);
--> statement-breakpoint
DROP INDEX "servers_name_idx";--> statement-breakpoint
CREATE INDEX "row_count_deltas_table_idx" ON "row_count_deltas" USING btree ("table_name");--> statement-breakpoint
CREATE INDEX "servers_name_idx" ON "servers" USING btree ("name","id");--> statement-breakpoint
-- Maintained exact counts (see src/schema/core/row-counts.ts): one delta row per write statement.
CREATE FUNCTION rackplane_count_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO row_count_deltas (table_name, delta) SELECT TG_TABLE_NAME, count(*) FROM new_rows HAVING count(*) > 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO row_count_deltas (table_name, delta) SELECT TG_TABLE_NAME, -count(*) FROM old_rows HAVING count(*) > 0;
  ELSE -- TRUNCATE: the table holds an exclusive lock, nothing else writes it now
    DELETE FROM row_count_deltas WHERE table_name = TG_TABLE_NAME;
    INSERT INTO row_count_deltas (table_name, delta) VALUES (TG_TABLE_NAME, 0);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Starts counting a table: baseline = count(*) under a lock that keeps writers out
-- until the triggers exist. A later migration adding a table calls this once.
CREATE FUNCTION rackplane_track_count(t regclass) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  name text := (SELECT relname FROM pg_class WHERE oid = t);
BEGIN
  EXECUTE format('LOCK TABLE %s IN SHARE ROW EXCLUSIVE MODE', t);
  DELETE FROM row_count_deltas WHERE table_name = name;
  EXECUTE format('INSERT INTO row_count_deltas (table_name, delta) SELECT %L, count(*) FROM %s', name, t);
  EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', name || '_count_ins', t);
  EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', name || '_count_del', t);
  EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', name || '_count_trunc', t);
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rackplane_count_rows()', name || '_count_ins', t);
  EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %s REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rackplane_count_rows()', name || '_count_del', t);
  EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION rackplane_count_rows()', name || '_count_trunc', t);
END $$;
--> statement-breakpoint
-- Every table with an `id` (the resource tables) is counted.
DO $$
DECLARE
  t regclass;
BEGIN
  FOR t IN
    SELECT c.oid::regclass FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
    WHERE c.relkind = 'r' AND ns.nspname = 'public' AND c.relname <> 'row_count_deltas'
      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'id' AND NOT a.attisdropped)
    ORDER BY c.relname
  LOOP
    PERFORM rackplane_track_count(t);
  END LOOP;
END $$;
