// Runs once when the Next.js server starts: check the environments file and start the
// simulators it names, so a bad file stops start-up instead of failing the first request;
// then take over stop signals and report ready (lib/service).
export async function register() {
  // The import stays inside the test (no early return): webpack then drops it from the edge
  // bundle, which cannot hold better-sqlite3.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // First: the server's requests carry their socket address from now on (lib/http/peer-address.ts).
    const { stampPeerAddresses } = await import("./lib/http/peer-address");
    stampPeerAddresses();
    const { startUp } = await import("./lib/config/start-up");
    await startUp();
    const { startService } = await import("./lib/service/start-service");
    startService();
  }
}
