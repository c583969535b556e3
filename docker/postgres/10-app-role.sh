#!/bin/sh
# Creates the application's least-privilege role on a new database volume (the official
# postgres image runs /docker-entrypoint-initdb.d/*.sh once, as POSTGRES_USER, on first start).
# POSTGRES_USER (duty) owns the schema and runs migrations (DATABASE_OWNER_URL); the API serves
# requests as duty_app (DATABASE_URL), which owns nothing, is no superuser, and is granted its
# rights by the API after each migration run — no UPDATE/DELETE/TRUNCATE on append-only tables.
#
# For a volume created before this script existed, run it once by hand:
#   docker compose exec -e DUTY_APP_PASSWORD="$DUTY_APP_PASSWORD" db sh /docker-entrypoint-initdb.d/10-app-role.sh
set -eu
: "${DUTY_APP_PASSWORD:?Set DUTY_APP_PASSWORD in .env}"
psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-duty}" --dbname "${POSTGRES_DB:-duty}" \
  -v app_password="$DUTY_APP_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE duty_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L', :'app_password')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'duty_app')
\gexec
SELECT format('ALTER ROLE duty_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L', :'app_password')
\gexec
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
