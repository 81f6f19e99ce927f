// A database's schema as comparable data: tables, columns, indexes,
// constraints, triggers and (PostgreSQL) row-level security policies. Two
// databases with equal snapshots have the same schema, whichever way they
// got there (created fresh, or upgraded from an earlier version).
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/db/open.js';

export async function schemaSnapshot(db: DatabaseHandle): Promise<unknown> {
  return db.dialect === 'sqlite' ? sqliteSnapshot(db) : postgresSnapshot(db);
}

async function sqliteSnapshot(db: DatabaseHandle): Promise<unknown> {
  const { rows } = await sql<{ type: string; name: string; sql: string | null }>`
    select type, name, sql from sqlite_master
    where name not like 'sqlite_%' and name not like 'kysely_%'
    order by type, name`.execute(db.kysely);
  return rows;
}

async function postgresSnapshot(db: DatabaseHandle): Promise<unknown> {
  const columns = await sql`
    select table_name, column_name, data_type, is_nullable, column_default, is_identity
    from information_schema.columns
    where table_schema = 'public' and table_name not like 'kysely_%'
    order by table_name, column_name`.execute(db.kysely);
  const indexes = await sql`
    select tablename, indexname, indexdef from pg_indexes
    where schemaname = 'public' and tablename not like 'kysely_%'
    order by tablename, indexname`.execute(db.kysely);
  const constraints = await sql`
    select conrelid::regclass::text as table_name, conname, pg_get_constraintdef(oid) as definition
    from pg_constraint where connamespace = 'public'::regnamespace
    order by 1, 2`.execute(db.kysely);
  const triggers = await sql`
    select event_object_table, trigger_name, event_manipulation, action_statement
    from information_schema.triggers order by 1, 2, 3`.execute(db.kysely);
  const policies = await sql`
    select tablename, policyname, qual, with_check from pg_policies
    where schemaname = 'public' order by 1, 2`.execute(db.kysely);
  return {
    columns: columns.rows,
    indexes: indexes.rows,
    constraints: constraints.rows,
    triggers: triggers.rows,
    policies: policies.rows,
  };
}
