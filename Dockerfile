# syntax=docker/dockerfile:1

# The Claimtrace API: `docker compose up` (see docker-compose.yml) or
#   docker build -t claimtrace . && docker run -e DATABASE_URL=postgresql://… -p 3000:3000 claimtrace

# Node.js 22, the recommended runtime (an LTS line; see docs/operations.md, Runtime), in both stages.

# ---- build: every dependency (the build needs the dev tools), then compile -----------------------
FROM node:22-bookworm-slim AS build
WORKDIR /app
# The whole context (see .dockerignore): `npm ci` runs the package's postinstall, which generates the
# Prisma client into libs/database/src/generated (and nothing else), so the schema and the scripts
# must already be here.
COPY . .
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
# Compiles apps/, libs/ and bench/ into dist/ and bundles the dashboard into dist/apps/web.
RUN npm run build
# Keep only the production dependencies; the generated Prisma client is compiled into dist/ and
# needs only @prisma/client at run time. --ignore-scripts: prune must not rerun postinstall.
RUN npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# ---- runtime: node, the production dependencies, the compiled code and the migrations -------------
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The migrator reads prisma/migrations at start-up (found by walking up from dist/).
COPY --from=build /app/prisma ./prisma
# Writable only for the embedded PostgreSQL, used when DATABASE_URL is unset.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
ENV PORT=3000 HOST=0.0.0.0
EXPOSE 3000
# Node as PID 1 is fine here: main.ts handles SIGTERM and SIGINT itself (drains, then exits).
# A 64 MB young generation: a page's rows and objects die young instead of being promoted and
# collected by the old generation's mark-compact (a quarter of the read path's CPU, bench/README.md).
CMD ["node", "--max-semi-space-size=64", "dist/apps/api/src/main.js"]
