import type { ApiReply, ApiRequest } from "./router";

// POST/GET/DELETE /api/session. The dispatcher has already checked the credentials or token.

export function createSession(req: ApiRequest): ApiReply {
  if (!req.user) throw new Error("createSession needs the authenticated user");
  return { status: 201, body: req.sim.sessions.create(req.user).token };
}

export function getSession(req: ApiRequest): ApiReply {
  if (!req.session) throw new Error("getSession needs a session");
  const { user, created, lastAccessed } = req.session;
  return {
    status: 200,
    body: {
      user: user.name,
      created_time: created.toISOString(),
      last_accessed_time: lastAccessed.toISOString(),
    },
  };
}

export function deleteSession(req: ApiRequest): ApiReply {
  if (req.session) req.sim.sessions.delete(req.session.token);
  return { status: 204 };
}
