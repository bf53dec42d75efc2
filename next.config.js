// @ts-check

// next/constants' PHASE_PRODUCTION_BUILD (a CommonJS config cannot import it without require()).
const PHASE_PRODUCTION_BUILD = "phase-production-build";

const isDev = process.env.NODE_ENV === "development";

// Next.js inlines its bootstrap scripts, hence 'unsafe-inline' for scripts; never 'unsafe-eval'
// outside `next dev` (React's dev build needs it). Frames are refused: no clickjacking.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

// `npm run build` and `npm run dev` use webpack (`--webpack`), not Turbopack: for this app webpack's
// client output is smaller (the clone form page lists 237 KB against Turbopack's 243 KB, with a
// 240 KB budget), and dev and production then bundle alike.

/** @type {(phase: string) => import('next').NextConfig} */
const nextConfig = (phase) => ({
  reactStrictMode: true,
  poweredByHeader: false,
  // The build also writes `.next/standalone/server.js` with only the node_modules it needs: what
  // the image runs. Only at build time: `next start` serves the same build and would warn.
  output: phase === PHASE_PRODUCTION_BUILD ? "standalone" : undefined,
  // The checkout is the root of the traced files, whatever lockfiles lie above it.
  outputFileTracingRoot: __dirname,
  // better-sqlite3 is native, pg keeps one pool per process, and undici and node-forge are Node-only: keep them out of the bundle.
  // prom-client too: one copy for the whole process, whichever route counts.
  serverExternalPackages: ["better-sqlite3", "pg", "undici", "node-forge", "prom-client"],
  // TanStack Query's index re-exports every hook, each a "use client" module: a server file's
  // import of it (the pages' prefetch) made all of them client references of the page, sent
  // with it whether used or not (useQueries, the suspense hooks: 3 KB gz on the clone form).
  // Imports are rewritten to the modules they name.
  experimental: { optimizePackageImports: ["@tanstack/react-query"] },
  // Downshift's default scrolling is never called: every picker passes its own scrollIntoView
  // (components/ui/scroll-option-into-view.ts), so the library it would use is left out.
  webpack: (config) => {
    config.resolve.alias["compute-scroll-into-view"] = false;
    return config;
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: contentSecurityPolicy },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      // API answers hold sessions, inventory and history: no cache on the way may keep them.
      { source: "/api/:path*", headers: [{ key: "Cache-Control", value: "no-store" }] },
    ];
  },
});

module.exports = nextConfig;
