// The README's REST flow as the mobile team writes it: a client generated from the published OpenAPI document
// (openapi-typescript -> generated/openapi.d.ts) and openapi-fetch. Compiled with tsc --strict, no casts: if the
// document loses a type (an `{}` schema, a missing operation), this stops compiling.
import createClient from "openapi-fetch";
import type { paths, components } from "../generated/openapi";

type Ticket = components["schemas"]["TicketView"];
type Problem = components["schemas"]["Problem"];

export async function readmeFlow(baseUrl: string, token: string): Promise<Ticket> {
  const api = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });

  const me = await api.GET("/api/v1/me");
  if (me.data) {
    const roles: string[] = me.data.roles;
    console.log(me.data.email, roles.join(","));
  }

  const created = await api.POST("/api/v1/tickets", {
    params: { header: { "Idempotency-Key": "3f1c2a" } },
    body: {
      title: "Printer offline",
      description: "The 2nd floor printer shows offline",
      priority: "MEDIUM",
      service: "MANAGED_IT",
      category: "TECHNICAL_ASSISTANCE",
    },
  });
  if (created.error) {
    const problem: Problem = created.error;
    throw new Error(`${problem.status} ${problem.title}: ${problem.detail ?? ""}`);
  }
  const ticket: Ticket = created.data;
  const number: string = ticket.number;

  // Page through NEW tickets, 10 at a time.
  let cursor: string | undefined;
  do {
    const page = await api.GET("/api/v1/tickets", { params: { query: { status: "NEW", limit: 10, cursor } } });
    if (!page.data) break;
    for (const t of page.data.items) {
      const due: string | null = t.sla.response.dueAt;
      console.log(t.number, t.status, due);
    }
    cursor = page.data.nextCursor ?? undefined;
  } while (cursor);

  // Optimistic concurrency: the version is the ETag.
  const read = await api.GET("/api/v1/tickets/{id}", { params: { path: { id: ticket.id } } });
  const etag = read.response.headers.get("ETag") ?? `"${ticket.version}"`;
  const patched = await api.PATCH("/api/v1/tickets/{id}", {
    params: { path: { id: ticket.id }, header: { "If-Match": etag } },
    body: { status: "IN_PROGRESS", assigneeId: "tom@eclipsesol.org" },
  });
  if (patched.error) {
    throw new Error(patched.error.title);
  }

  const timeline = await api.GET("/api/v1/tickets/{id}/sla/timeline", { params: { path: { id: ticket.id } } });
  if (timeline.data) {
    console.log(number, timeline.data.response.segments.length);
  }
  return patched.data;
}
