// Runs once when the Next.js server starts: check the environments file and start the
// simulators it names, so a bad file stops start-up instead of failing the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startUp } = await import("./lib/config/start-up");
  await startUp();
}
