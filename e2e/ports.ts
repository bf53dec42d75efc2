// Loopback ports for the servers the end-to-end suite starts (see playwright.config.ts).
// E2E_PORT_OFFSET shifts every one of them, so two checkouts can run their suites side by side.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
/** A port of the suite's own, shifted by E2E_PORT_OFFSET. */
export const e2ePort = (base: number) => base + offset;
export const CONSOLE_PORT = e2ePort(13000);
export const SIM_PORT = e2ePort(18989);
export const FAULTS_SIM_PORT = e2ePort(18990);
export const HOSTILE_SIM_PORT = e2ePort(18991);
export const UI_FAULTS_SIM_PORT = e2ePort(18992);
export const INVALID_SIM_PORT = e2ePort(18993);
export const INVENTORY_SIM_PORT = e2ePort(18994);
export const consoleUrl = `http://127.0.0.1:${CONSOLE_PORT}`;
export const simUrl = `http://127.0.0.1:${SIM_PORT}`;
export const faultsSimUrl = `http://127.0.0.1:${FAULTS_SIM_PORT}`;
export const hostileSimUrl = `http://127.0.0.1:${HOSTILE_SIM_PORT}`;
export const uiFaultsSimUrl = `http://127.0.0.1:${UI_FAULTS_SIM_PORT}`;
export const invalidSimUrl = `http://127.0.0.1:${INVALID_SIM_PORT}`;
export const inventorySimUrl = `http://127.0.0.1:${INVENTORY_SIM_PORT}`;
