import type { SwaggerTransform, SwaggerTransformObject } from "@fastify/swagger";

/** The shape of every error answer (src/http/plugins/errors.ts), as JSON Schema for the document. */
export const errorResponseSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", description: "Stable code, such as validation_failed, forbidden, not_found" },
        message: { type: "string", description: "In the request's language (`?lang=` or Accept-Language)" },
        fields: {
          type: "array",
          description: "One entry per invalid field",
          items: {
            type: "object",
            required: ["path", "message"],
            properties: { path: { type: "string" }, message: { type: "string" } },
          },
        },
      },
    },
  },
} as const;

const descriptions: Record<number, string> = {
  400: "Invalid input: a field, parameter or body that breaks its rule, or a request that cannot be read",
  401: "Sign in first: no valid session or Bearer token",
  403: "Not allowed: the caller lacks the permission, or a cross-site write was refused",
  404: "Not found, or not visible to the caller",
  409: "Conflicts with the current state (a duplicate, a closed registration, a change made meanwhile)",
  413: "The body is too large",
  414: "A path parameter is too long",
  415: "The body's content type is not accepted",
  429: "Too many attempts; the message says how long to wait",
  503: "The database is unavailable for a moment; `Retry-After` says when to try again",
};

const unsafe = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The error statuses an operation may answer, from what it declares: who may call it, its parameters, its method. */
export function errorStatuses(method: string, schema: { security?: unknown; params?: unknown }): number[] {
  const statuses = new Set([400, 503]);
  const writes = unsafe.has(method.toUpperCase());
  if (schema.security || writes) statuses.add(401).add(403);
  if (schema.params) statuses.add(404).add(414);
  if (writes) statuses.add(404).add(409).add(413).add(415).add(429);
  return [...statuses].sort();
}

const spreadsheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A report route whose `format` query chooses CSV or XLSX: its 200 lists the file types beside the JSON. */
function withReportFiles(response: Record<string, unknown>, querystring: unknown) {
  const format = (querystring as { properties?: { format?: { enum?: string[] } } } | undefined)?.properties?.format?.enum;
  const json = response[200] as { description?: string } | undefined;
  if (!json || !format?.includes("csv")) return;
  response[200] = {
    description: json.description ?? "The report as JSON, or a file by `format`",
    content: {
      "application/json": { schema: json },
      "text/csv": { schema: { type: "string", description: "`format=csv`: one row per person, UTF-8" } },
      ...(format.includes("xlsx") ? { [spreadsheet]: { schema: { type: "string", format: "binary", description: "`format=xlsx`" } } } : {}),
    },
  };
}

/**
 * The Zod transform, then what every operation's schema leaves out: its error answers in the
 * one error shape, with the statuses it may give (documented generically, so a new route is
 * covered by construction), and the file types of report downloads.
 */
export function withErrorResponses(transform: SwaggerTransform): SwaggerTransform {
  return (input) => {
    const result = transform(input);
    const schema = result.schema as Record<string, unknown> & { response?: Record<string, unknown> };
    const method = [input.route.method].flat()[0] ?? "GET";
    const response: Record<string, unknown> = { ...(schema.response ?? {}) };
    withReportFiles(response, schema.querystring);
    for (const status of errorStatuses(method, { security: schema.security, params: schema.params })) {
      // Always JSON, whatever the operation produces when it succeeds (a calendar file, a spreadsheet).
      response[status] ??= { description: descriptions[status], content: { "application/json": { schema: errorResponseSchema } } };
    }
    return { ...result, schema: { ...schema, response } };
  };
}

type Document = {
  paths?: Record<string, Record<string, { requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> } }>>;
};

const allowsNull = (schema: unknown): boolean =>
  !!schema && typeof schema === "object" && ((schema as { anyOf?: { type?: string }[] }).anyOf ?? []).some((s) => s.type === "null");

/**
 * @fastify/swagger marks every request body required; a route whose body schema is `.nullish()`
 * (registering for an event, say) takes a request with none, and the document says so.
 */
export function withOptionalBodies(transformObject: SwaggerTransformObject): SwaggerTransformObject {
  return (input) => {
    const document = transformObject(input) as Document;
    for (const operations of Object.values(document.paths ?? {})) {
      for (const operation of Object.values(operations)) {
        const body = operation.requestBody;
        if (body && allowsNull(body.content?.["application/json"]?.schema)) body.required = false;
      }
    }
    return document as ReturnType<SwaggerTransformObject>;
  };
}
