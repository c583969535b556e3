#!/usr/bin/env bash
# `npm run codegen:check`: regenerate the API's schema file and the web app's typed operations,
# then fail if they differ from what is committed (someone changed a resolver or a .graphql
# operation without running `npm run codegen`).
set -Eeuo pipefail
cd "$(dirname "$0")/.."

generated=(apps/api/schema.graphql apps/web/src/graphql/generated)

npm run codegen --silent

# Untracked files count too: a generated file that was never committed is drift as well.
drift=$(git status --porcelain --untracked-files=all -- "${generated[@]}")
if [ -n "$drift" ]; then
  echo "Generated GraphQL files differ from the commit:" >&2
  echo "$drift" >&2
  git --no-pager diff --stat -- "${generated[@]}" >&2
  echo "Run \`npm run codegen\` and commit the result." >&2
  exit 1
fi
echo "Generated GraphQL files are up to date."
