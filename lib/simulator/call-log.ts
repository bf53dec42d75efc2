export interface CallRecord {
  seq: number;
  time: string;
  method: string;
  path: string;
  /** The query string without "?", e.g. "action=instant-clone". */
  query: string;
  /** Which operation the call reached (e.g. "vcenter.vm.instant_clone"); null for unknown routes. */
  operation: string | null;
  /** The status sent; null when the connection was dropped or left hanging. */
  status: number | null;
  fault?: string;
  user?: string;
}

const MAX_KEPT = 10_000;

/** What the simulator was asked, so tests can assert a call did (or never did) reach vCenter. */
export class CallLog {
  private calls: CallRecord[] = [];
  private seq = 0;

  record(call: Omit<CallRecord, "seq" | "time">): void {
    this.calls.push({ seq: ++this.seq, time: new Date().toISOString(), ...call });
    if (this.calls.length > MAX_KEPT) this.calls = this.calls.slice(-MAX_KEPT);
  }

  list(filter: { method?: string; path?: string; operation?: string } = {}): CallRecord[] {
    return this.calls.filter(
      (call) =>
        (!filter.method || call.method === filter.method.toUpperCase()) &&
        (!filter.path ||
          `${call.path}${call.query ? `?${call.query}` : ""}`.startsWith(filter.path)) &&
        (!filter.operation || call.operation === filter.operation),
    );
  }

  reset(): void {
    this.calls = [];
  }
}
