#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into an EMPTY database, media folder and
# documents folder (MEDIA_ROOT, DOCUMENTS_ROOT).
#
#   DATABASE_URL=postgres://user@host:5432/cls_restored scripts/restore.sh backups/<timestamp>
#
# Refuses a database that already has tables: restoring over live data is never what
# you want by accident (drop and recreate the database first if you really mean it).
set -euo pipefail
cd "$(dirname "$0")/.."

source_dir="${1:?usage: scripts/restore.sh <backup folder>}"
: "${DATABASE_URL:?DATABASE_URL must point at an empty PostgreSQL database}"
media_root="${MEDIA_ROOT:-media}"
documents_root="${DOCUMENTS_ROOT:-private-documents}"

tables=$(psql "$DATABASE_URL" --tuples-only --no-align \
    --command="SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
if [ "$tables" != "0" ]; then
    echo "restore: the database already holds $tables tables; give an empty one." >&2
    exit 1
fi
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$DATABASE_URL" \
    "$source_dir/database.dump"
unpack() {  # unpack <name>.tar.gz <folder>, when the backup has it
    if [ -f "$source_dir/$1" ]; then
        mkdir -p "$2"
        tar --extract --gzip --file="$source_dir/$1" --directory="$2"
    fi
}
unpack media.tar.gz "$media_root"
unpack documents.tar.gz "$documents_root"
echo "restored $source_dir"
