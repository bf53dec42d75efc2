import { randomBytes } from "node:crypto";

import type { SimUser } from "./users";

export interface Session {
  token: string;
  user: SimUser;
  created: Date;
  lastAccessed: Date;
}

/** vCenter's API sessions: a 32-hex-digit token, dropped after an idle period. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly idleMs: number) {}

  create(user: SimUser): Session {
    this.sweep();
    const now = new Date();
    const session = {
      token: randomBytes(16).toString("hex"),
      user,
      created: now,
      lastAccessed: now,
    };
    this.sessions.set(session.token, session);
    return session;
  }

  /** The live session for a token, touched; undefined when unknown or idle too long. */
  use(token: string | undefined): Session | undefined {
    const session = token ? this.sessions.get(token) : undefined;
    if (!session) return undefined;
    const now = Date.now();
    if (now - session.lastAccessed.getTime() > this.idleMs) {
      this.sessions.delete(session.token);
      return undefined;
    }
    session.lastAccessed = new Date(now);
    return session;
  }

  // A long-running console logs in often; idle sessions nobody uses again would pile up.
  private sweep(): void {
    const oldest = Date.now() - this.idleMs;
    for (const [token, session] of this.sessions)
      if (session.lastAccessed.getTime() < oldest) this.sessions.delete(token);
  }

  delete(token: string): void {
    this.sessions.delete(token);
  }

  /** The live sessions, for the test-only GET /__sim/sessions (a leak scan needs the tokens). */
  list(): { token: string; user: string }[] {
    return [...this.sessions.values()].map((s) => ({ token: s.token, user: s.user.name }));
  }

  expireAll(): number {
    const count = this.sessions.size;
    this.sessions.clear();
    return count;
  }
}
