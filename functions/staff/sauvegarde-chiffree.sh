#!/usr/bin/env bash
# Encrypted backup of the forms' database (functions/EXPLOITATION.md, « Sauvegardes chiffrées »): the staff
# command's `sauvegarde` (SQLite: VACUUM INTO while the server runs; PostgreSQL: pg_dump, owner and rights
# kept; D1: wrangler d1 export) and the copy of the audit log beside it, put in one tar encrypted with gpg for
# the operator's public key only: the server can write backups, never read them back. Files 0600 (umask 077);
# the clear copy exists only in a private temporary folder, removed at the end. Backups older than
# FABRIQUE_SAUVEGARDES_JOURS days (30 by default) are then deleted from the folder.
#
#   sauvegarde-chiffree.sh --dossier DOSSIER --destinataire EMPREINTE [--cle-publique FICHIER.asc]
#                          [--db FICHIER | --db postgres://… | --d1 distant|local] [--audit FICHIER] [--wrangler FICHIER]
#
# Each option has its variable, for a systemd unit's EnvironmentFile: FABRIQUE_SAUVEGARDES_DOSSIER,
# FABRIQUE_SAUVEGARDES_DESTINATAIRE, FABRIQUE_SAUVEGARDES_CLE; the base is DB_PATH or DATABASE_URL, as for the server.
set -euo pipefail
umask 077

APP=$(cd "$(dirname "$0")/../.." && pwd)
if [ -f "$APP/fabrique-release.json" ]; then
  # Installed from a release archive (npm run release): the staff command bundled beside server.js, run by the
  # server's Node 24 (FABRIQUE_NODE, or the first node on PATH: the guide's unit puts /srv/fabrique/node/bin first).
  COMMANDE=$APP/submissions.js
  NODE=${FABRIQUE_NODE:-$(command -v node || true)}
else
  COMMANDE=$APP/functions/staff/submissions-cli.ts
  NODE=${FABRIQUE_NODE:-$APP/node_modules/.bin/node}
fi
dossier=${FABRIQUE_SAUVEGARDES_DOSSIER:-}
destinataire=${FABRIQUE_SAUVEGARDES_DESTINATAIRE:-}
cle=${FABRIQUE_SAUVEGARDES_CLE:-}
jours=${FABRIQUE_SAUVEGARDES_JOURS:-30}
base=()

erreur() {
  echo "Sauvegarde chiffrée impossible : $1 Rien n’a été écrit." >&2
  exit 1
}

while [ $# -gt 0 ]; do
  case "$1" in
    --dossier) dossier=${2:-}; shift 2 ;;
    --destinataire) destinataire=${2:-}; shift 2 ;;
    --cle-publique) cle=${2:-}; shift 2 ;;
    --db | --d1 | --audit | --wrangler) base+=("$1" "${2:-}"); shift 2 ;;
    *) erreur "option inconnue « $1 » (--dossier, --destinataire, --cle-publique, --db, --d1, --audit, --wrangler)." ;;
  esac
done

command -v gpg >/dev/null 2>&1 || erreur "gpg manque (paquet Debian gnupg : apt install gnupg)."
[ -n "$NODE" ] && [ -x "$NODE" ] ||
  erreur "Node 24 introuvable (« ${NODE:-node} ») : le donner par FABRIQUE_NODE=/srv/fabrique/node/bin/node ou le mettre en tête du PATH de l’unité."
# Debian's own nodejs is Node 18: the staff command needs node:sqlite (Node 24).
version=$("$NODE" --version 2>/dev/null || true)
[[ "$version" =~ ^v(2[4-9]|[3-9][0-9]) ]] ||
  erreur "$NODE est Node « $version » : il faut Node 24 (FABRIQUE_NODE=/srv/fabrique/node/bin/node, ou le mettre en tête du PATH de l’unité)."
[ -n "$dossier" ] || erreur "indiquez le dossier des sauvegardes (--dossier ou FABRIQUE_SAUVEGARDES_DOSSIER)."
[ -d "$dossier" ] || erreur "le dossier $dossier n’existe pas : le créer (install -d -m 700 -o fabrique $dossier)."
[ -n "$destinataire" ] ||
  erreur "indiquez la clé publique de l’exploitant (--destinataire EMPREINTE ou FABRIQUE_SAUVEGARDES_DESTINATAIRE) : sans elle, la sauvegarde serait en clair."
[[ "$jours" =~ ^[1-9][0-9]*$ ]] ||
  erreur "FABRIQUE_SAUVEGARDES_JOURS = « $jours » : attendu un nombre de jours (1 ou plus)."
[ -z "$cle" ] || [ -r "$cle" ] || erreur "la clé publique $cle ne se lit pas."

travail=$(mktemp -d "${TMPDIR:-/tmp}/fabrique-sauvegarde-XXXXXX")
# The clear copy and a throw-away keyring go with the folder, whatever happens.
nettoyer() {
  [ -d "$travail/gnupg" ] && gpgconf --homedir "$travail/gnupg" --kill all >/dev/null 2>&1 || true
  rm -rf "$travail"
}
trap nettoyer EXIT
# gpg's own last line, for the message.
raison() { tail -n 1 "$travail/gpg"; }

# Which kind of base, for the copy's name: as the staff command chooses it (--d1, a postgres:// --db, DATABASE_URL).
extension=sqlite
for ((i = 0; i < ${#base[@]}; i += 2)); do
  case "${base[i]}" in
    --d1) extension=sql ;;
    --db) [[ "${base[i + 1]}" =~ ^postgres(ql)?:// ]] && extension=dump || extension=sqlite ;;
  esac
done
if [ "$extension" = sqlite ] && [ ${#base[@]} -eq 0 ] && [ -n "${DATABASE_URL:-}" ]; then extension=dump; fi

if [ -n "$cle" ]; then
  # A keyring of its own with the public key only (the unit needs no home folder).
  export GNUPGHOME="$travail/gnupg"
  mkdir "$GNUPGHOME"
  gpg --batch --quiet --import "$cle" 2>"$travail/gpg" || erreur "la clé publique $cle ne s’importe pas ($(raison))."
fi
# The operator's key is checked before the copy is made: a backup that cannot be encrypted is never made
# (nor written to the audit log).
gpg --batch --quiet --trust-model always --encrypt --recipient "$destinataire" --output /dev/null </dev/null 2>"$travail/gpg" ||
  erreur "gpg ne peut pas chiffrer pour « $destinataire » ($(raison)) : vérifier l’empreinte et la clé publique (--cle-publique, ou gpg --import dans le trousseau du service)."

nom=fabrique-$(date -u +%Y-%m-%dT%H%M%SZ)
mkdir "$travail/copie"
"$NODE" "$COMMANDE" sauvegarde --out "$travail/copie/$nom.$extension" "${base[@]}" >"$travail/sortie" ||
  exit 1

fichier="$dossier/$nom.tar.gpg"
# Written under a temporary name, then renamed: the retention below and a copy elsewhere never see half a file.
if ! tar -C "$travail/copie" -cf - . |
  gpg --batch --yes --quiet --trust-model always --recipient "$destinataire" --output "$fichier.partiel" --encrypt 2>"$travail/gpg"; then
  rm -f "$fichier.partiel"
  erreur "gpg n’a pas chiffré la copie ($(raison))."
fi
chmod 600 "$fichier.partiel"
mv "$fichier.partiel" "$fichier"

# Retention: older than N days, by the file's date (each backup is written once, never touched again); a partial
# file left by a machine that stopped mid-way goes after a day.
effacees=$(find "$dossier" -maxdepth 1 -type f -name 'fabrique-*.tar.gpg' -mmin +$((jours * 1440)) -print -delete | wc -l)
find "$dossier" -maxdepth 1 -type f -name 'fabrique-*.tar.gpg.partiel' -mmin +1440 -delete
envois=$(grep -o '([0-9]* envoi(s))' "$travail/sortie" || true)
echo "Sauvegarde chiffrée pour $destinataire : $fichier $envois, avec les copies du journal d’audit et de ses archives (0600)."
echo "Anciennes sauvegardes effacées (plus de $jours jours) : $effacees."
echo "Restaurer : gpg --decrypt $fichier | tar -x -C DOSSIER_VIDE (avec la clé privée de l’exploitant), puis EXPLOITATION.md, « Restaurer »."
