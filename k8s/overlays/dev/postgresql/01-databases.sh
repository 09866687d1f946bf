#!/bin/sh
# DEV ONLY. Run once by the postgres image's entrypoint on an empty data volume: one login role and
# one database (owned by that role) per service, named and password-protected as in the services'
# dev Secrets (the same values the services connect with).
set -e
create() {
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v db="$1" -v role="$2" -v pw="$3" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'pw';
CREATE DATABASE :"db" OWNER :"role";
SQL
}
create shieldfab_layout    "$LAYOUT_DB_USER"    "$LAYOUT_DB_PASSWORD"
create shieldfab_shielding "$SHIELDING_DB_USER" "$SHIELDING_DB_PASSWORD"
create shieldfab_recipe    "$RECIPE_DB_USER"    "$RECIPE_DB_PASSWORD"
create shieldfab_gateway   "$GATEWAY_DB_USER"   "$GATEWAY_DB_PASSWORD"
