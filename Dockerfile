# syntax=docker/dockerfile:1
# The Instant Clone Console as a container: `docker build -t instant-clone-console .`
# Three stages on one base (Node 20 on Debian slim), so the native module built in the first
# runs in the last: dependencies (better-sqlite3 compiled here), build (Next.js standalone
# output), and a small runtime that holds only server.js, the files it traces and the assets.
ARG NODE_IMAGE=node:20.20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# node-gyp's tools, for better-sqlite3's native module.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# No install scripts from the registry's packages; then better-sqlite3 compiled from source
# against this image's Node, not a downloaded prebuilt binary. --nodedir: the official image
# unpacks Node's release tarball into /usr/local, headers included, so node-gyp downloads nothing.
RUN npm ci --ignore-scripts --no-audit --no-fund \
  && npm rebuild better-sqlite3 --build-from-source --nodedir=/usr/local

FROM deps AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    NEXT_MANUAL_SIG_HANDLE=true \
    CONSOLE_DATA_DIR=/data
# HOSTNAME=0.0.0.0: Docker sets HOSTNAME to the container id, which server.js would bind to.
# NEXT_MANUAL_SIG_HANDLE: SIGTERM goes to the console's graceful stop, not Next.js's own.
RUN groupadd --system --gid 10001 console \
  && useradd --system --uid 10001 --gid console --home-dir /app --shell /usr/sbin/nologin console \
  && mkdir -p /data \
  && chown console:console /data \
  && chmod 700 /data
# server.js with the node_modules it needs (better-sqlite3's .node file included), then the
# static files and public/, which the standalone output leaves for us to copy.
COPY --from=build --chown=console:console /app/.next/standalone ./
COPY --from=build --chown=console:console /app/.next/static ./.next/static
COPY --from=build --chown=console:console /app/public ./public
USER console
# The history (SQLite) and the generated session secret.
VOLUME ["/data"]
EXPOSE 3000
STOPSIGNAL SIGTERM
# Liveness: the process answers. Readiness (/api/ready) is for the load balancer.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
