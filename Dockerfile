# Cabinet bot, as a container (docs/OPERATIONS.md: "Run it as a container").
#   docker build -t cabinet-bot .
#   docker run --rm -p 3978:3978 --env-file .env cabinet-bot
# Three stages on the same Debian release, so the native module (better-sqlite3) built in one runs in the last.

# 1. Production dependencies only. The full node image has python3, make and g++ for better-sqlite3's build,
#    should no prebuilt binary fit.
FROM node:22-bookworm AS dependencies
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund

# 2. The compiled bot and the dashboard tab's build (dist/tab, by Vite). Install scripts are not needed for either.
FROM node:22-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY web ./web
RUN npm run build

# 3. What runs: Node 22 LTS (slim), production dependencies, the compiled bot, the tab's files and the card templates; not root.
FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    PORT=3978 \
    HOST=0.0.0.0 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=dependencies --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
COPY --chown=node:node cards ./cards
COPY --chown=node:node bin ./bin
# The embedded store's folder (STORE=embedded, one instance only); on Cosmos DB nothing is written here.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3978
# Liveness: the process answers. No curl in the slim image, so Node's own fetch asks.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node runs as PID 1 and handles SIGTERM itself (src/index.ts: finish turns in flight, close the store, exit 0).
# The heap limit is the same in package.json's start script and infra/modules/app-service.bicep: docs/OPERATIONS.md.
CMD ["node", "--max-old-space-size=512", "--max-semi-space-size=8", "--expose-gc", "dist/index.js"]
