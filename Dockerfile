# tlms-sync in a container: the compiled runner (sync/dist) on Node 20, production dependencies only, as a
# non-root user. Not built or run in this project's CI (no Docker engine there); see docs/operations.md.
#
#   docker build -t tlms-sync .
#   docker run --rm --env-file tlms-sync.env tlms-sync run --json
#   docker run -d --restart unless-stopped --env-file tlms-sync.env tlms-sync daemon --json

# Build stage: all dependencies (TypeScript), then the compiled runner.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json sfdx-project.json ./
COPY sync/tsconfig.build.json sync/tsconfig.build.json
COPY sync/src sync/src
RUN npx tsc -p sync/tsconfig.build.json

# Runtime stage: production dependencies and the compiled JavaScript, nothing else.
FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: "prepare" would compile, which needs the dev dependencies left behind in the build stage.
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
# sfdx-project.json gives the default REST API version (sourceApiVersion); package.json the runner version.
COPY sfdx-project.json ./
COPY --from=build /app/sync/dist sync/dist
# The image's own unprivileged user (uid 1000); the runner needs no write access anywhere.
USER node
# Secrets come from the environment (--env-file, Kubernetes Secrets) or a mounted config file (mode 600).
ENTRYPOINT ["node", "sync/dist/cli.js"]
CMD ["daemon", "--json"]
