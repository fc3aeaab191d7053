#!/usr/bin/env bash
# Back up the database (pg_dump, custom format) and the media files into one folder.
#
#   DATABASE_URL=postgres://user@host:5432/cls scripts/backup.sh backups/
#
# Writes <folder>/<timestamp>/{database.dump,media.tar.gz} and prints that path.
# The dump is consistent on its own; media uploaded during the backup may be missing
# from the archive, never corrupt in the database.
set -euo pipefail
cd "$(dirname "$0")/.."

destination="${1:?usage: scripts/backup.sh <folder>}"
: "${DATABASE_URL:?DATABASE_URL must point at the PostgreSQL database to back up}"
media_root="${MEDIA_ROOT:-media}"

target="$destination/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$target"
pg_dump --format=custom --no-owner --no-privileges --file="$target/database.dump" "$DATABASE_URL"
if [ -d "$media_root" ]; then
    tar --create --gzip --file="$target/media.tar.gz" --directory="$media_root" .
fi
echo "$target"
