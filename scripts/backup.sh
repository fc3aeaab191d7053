#!/usr/bin/env bash
# Back up the database (pg_dump, custom format), the media files and the document files
# (DOCUMENTS_ROOT, kept apart from the media: see docs/exploitation.md) into one folder.
#
#   DATABASE_URL=postgres://user@host:5432/cls scripts/backup.sh backups/
#
# Writes <folder>/<timestamp>/{database.dump,media.tar.gz,documents.tar.gz} and prints that
# path.
# The dump is consistent on its own; media uploaded during the backup may be missing
# from the archive, never corrupt in the database.
set -euo pipefail
cd "$(dirname "$0")/.."

destination="${1:?usage: scripts/backup.sh <folder>}"
: "${DATABASE_URL:?DATABASE_URL must point at the PostgreSQL database to back up}"
media_root="${MEDIA_ROOT:-media}"
documents_root="${DOCUMENTS_ROOT:-private-documents}"

target="$destination/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$target"
pg_dump --format=custom --no-owner --no-privileges --file="$target/database.dump" "$DATABASE_URL"
archive() {  # archive <folder> <name>.tar.gz, when the folder exists
    if [ -d "$1" ]; then
        tar --create --gzip --file="$target/$2" --directory="$1" .
    fi
}
archive "$media_root" media.tar.gz
archive "$documents_root" documents.tar.gz
echo "$target"
