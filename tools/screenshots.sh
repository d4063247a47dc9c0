#!/usr/bin/env bash
# Refreshes the pictures in docs/screenshots/ (100 %) and docs/screenshots/200/ (200 %): runs the
# app's MainScreensIT, which drives the real desktop app (TestFX, headless Monocle, its own
# embedded server and a headless second user) through the main screens, checks that no label or
# button text is cut short, and saves each screen as JavaFX renders it.
#
#   tools/screenshots.sh            # builds what app needs (-am), then runs MainScreensIT only
#   tools/screenshots.sh -o         # extra arguments go to Maven (here: offline)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PARLEY_SCREENSHOTS="$root/docs/screenshots"
mkdir -p "$PARLEY_SCREENSHOTS/200"
rm -f "$PARLEY_SCREENSHOTS"/*.png "$PARLEY_SCREENSHOTS"/200/*.png

cd "$root"
./mvnw -q -pl app -am verify "$@" \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=MainScreensIT -Dfailsafe.failIfNoSpecifiedTests=false
ls "$PARLEY_SCREENSHOTS"/*.png "$PARLEY_SCREENSHOTS"/200/*.png
