# syntax=docker/dockerfile:1
# Three images from one build: `runner` (the Next.js standalone server), `migrator` (applies
# migrations and seeds an empty database, then exits), and the shared build stages.

FROM node:20.20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT_STANDALONE=1
# Generates the Prisma client, then `next build` (output: standalone). No database needed.
RUN npm run build

FROM node:20.20-bookworm-slim AS migrator
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json tsconfig.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/lib ./lib
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/prisma ./prisma
USER node
CMD ["node", "--conditions=react-server", "--import", "tsx", "scripts/db/prepare-cli.ts"]

FROM node:20.20-bookworm-slim AS runner
WORKDIR /app
# The server's heap bound, as `npm start` sets it (scripts/server-memory.ts).
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000 NODE_OPTIONS=--max-old-space-size=256
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
# /api/health compares applied migrations with these.
COPY --from=build --chown=node:node /app/prisma/migrations ./prisma/migrations
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server.js"]
