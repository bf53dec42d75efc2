// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // better-sqlite3 and undici are native or Node-only: keep them out of the server bundle.
  serverExternalPackages: ["better-sqlite3", "undici", "node-forge"],
};

module.exports = nextConfig;
