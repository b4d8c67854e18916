DROP INDEX "row_count_deltas_table_idx";--> statement-breakpoint
ALTER TABLE "row_count_deltas" ADD COLUMN "value" text;--> statement-breakpoint
CREATE INDEX "row_count_deltas_table_idx" ON "row_count_deltas" USING btree ("table_name","value");--> statement-breakpoint
-- Per-value counts of one column (see src/schema/core/row-counts.ts): `table_name` is
-- `<table>.<column>`, a row with value NULL marks the column as counted.
CREATE FUNCTION rackplane_count_values() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c text := TG_ARGV[0];
  k text := TG_TABLE_NAME || '.' || TG_ARGV[0];
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('INSERT INTO row_count_deltas (table_name, value, delta)
      SELECT %1$L, %2$I::text, count(*) FROM new_rows WHERE %2$I IS NOT NULL GROUP BY 2', k, c);
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('INSERT INTO row_count_deltas (table_name, value, delta)
      SELECT %1$L, %2$I::text, -count(*) FROM old_rows WHERE %2$I IS NOT NULL GROUP BY 2', k, c);
  ELSIF TG_OP = 'UPDATE' THEN
    -- Only rows whose value changed move between counts.
    EXECUTE format('INSERT INTO row_count_deltas (table_name, value, delta)
      SELECT %1$L, v, sum(d) FROM (
        SELECT o.%2$I::text AS v, -1 AS d FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE o.%2$I IS DISTINCT FROM n.%2$I AND o.%2$I IS NOT NULL
        UNION ALL
        SELECT n.%2$I::text, 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE o.%2$I IS DISTINCT FROM n.%2$I AND n.%2$I IS NOT NULL) x
      GROUP BY v', k, c);
  ELSE -- TRUNCATE
    DELETE FROM row_count_deltas WHERE table_name = k;
    INSERT INTO row_count_deltas (table_name, value, delta) VALUES (k, NULL, 0);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION rackplane_track_values(t regclass, c text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  name text := (SELECT relname FROM pg_class WHERE oid = t);
  k text := name || '.' || c;
  trig text := name || '_' || c || '_vcount';
BEGIN
  EXECUTE format('LOCK TABLE %s IN SHARE ROW EXCLUSIVE MODE', t);
  DELETE FROM row_count_deltas WHERE table_name = k;
  INSERT INTO row_count_deltas (table_name, value, delta) VALUES (k, NULL, 0);
  EXECUTE format('INSERT INTO row_count_deltas (table_name, value, delta)
    SELECT %L, %I::text, count(*) FROM %s WHERE %I IS NOT NULL GROUP BY 2', k, c, t, c);
  EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', trig || '_ins', t);
  EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', trig || '_del', t);
  EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', trig || '_upd', t);
  EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', trig || '_trunc', t);
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rackplane_count_values(%L)', trig || '_ins', t, c);
  EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %s REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rackplane_count_values(%L)', trig || '_del', t, c);
  EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %s REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rackplane_count_values(%L)', trig || '_upd', t, c);
  EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION rackplane_count_values(%L)', trig || '_trunc', t, c);
END $$;
--> statement-breakpoint
-- `status`, the lifecycle filter of nearly every list, is counted per value on every table that has one.
DO $$
DECLARE
  t regclass;
BEGIN
  FOR t IN
    SELECT c.oid::regclass FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
    WHERE c.relkind = 'r' AND ns.nspname = 'public'
      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'id' AND NOT a.attisdropped)
      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'status' AND NOT a.attisdropped)
    ORDER BY c.relname
  LOOP
    PERFORM rackplane_track_values(t, 'status');
  END LOOP;
END $$;
