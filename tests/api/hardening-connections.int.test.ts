/**
 * What a client on the open network can do to a connection: send headers or a body slowly, stop
 * half way through an upload, send an address longer than the server reads. Each is answered in
 * the error shape where an answer is possible, and the connection is closed in bounded time.
 * These need a real listening server: `inject` has no sockets.
 */
import crypto from "node:crypto";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { buildApp } from "../../src/http/app.ts";
import { createCourse } from "../factories/catalogue.ts";
import { createCentre } from "../factories/network.ts";
import { closesWithin, connect, sleep } from "../support/raw-http.ts";
import { createTestRuntime, type TestRuntime } from "../support/runtime.ts";

let runtime: TestRuntime;
let app: FastifyInstance;
let port: number;
let author: string;
let courseId: string;

beforeAll(async () => {
  runtime = await createTestRuntime();
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: "/tmp/orbis-test-unused",
    PUBLIC_URL: "http://orbis.test",
    HEADERS_TIMEOUT_S: "1",
    BODY_TIMEOUT_S: "1",
    BODY_MIN_RATE: "1000",
  });
  app = await buildApp({ config, services: runtime.services, database: runtime.database });
  await app.listen({ port: 0, host: "127.0.0.1" });
  port = (app.server.address() as AddressInfo).port;

  const centre = await createCentre(runtime.services, { name: "Connections Test Centre", country: "GH" });
  courseId = (await createCourse(runtime.services, centre.id, { publish: false })).id;
  const email = `author-${crypto.randomUUID()}@orbis.test`;
  const password = "correct horse battery staple";
  await runtime.services.identity.createUser({ email, name: "Author", password, roles: [{ role: "author", organisationId: centre.id }] });
  const { actor } = await runtime.services.identity.signIn({ email, password, clientKey: "connections-test" });
  author = (await runtime.services.identity.createApiToken(actor, { name: "connections" })).token;
});
afterAll(async () => {
  await app?.close();
  await runtime?.close();
});

/** The JSON body of the first response on a connection. */
function bodyOf(raw: string) {
  return JSON.parse(raw.slice(raw.indexOf("\r\n\r\n") + 4));
}

describe("slow clients", () => {
  test("a body dripped a byte at a time is cut off with a 408 and the connection closed", async () => {
    const connection = await connect(port);
    await connection.write(
      "POST /api/v1/auth/tokens HTTP/1.1\r\nHost: orbis.test\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{",
    );
    const drip = (async () => {
      while (!connection.isClosed()) {
        await sleep(300);
        await connection.write(" ");
      }
    })();
    expect(await closesWithin(connection, 4000)).toBeGreaterThan(500);
    await drip;
    expect(connection.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(connection.received()).toMatch(/\r\nconnection: close\r\n/i);
    expect(bodyOf(connection.received()).error.code).toBe("request_timeout");
  });

  test("a body that keeps coming at a fair rate is read to the end, however long it takes", async () => {
    const connection = await connect(port);
    // About 5 KB a second against a minimum of 1 KB: a margin for a busy machine's late timers.
    const body = JSON.stringify({ email: "nobody@orbis.test", password: "x".repeat(150), name: "n".repeat(11_800) });
    await connection.write(
      `POST /api/v1/auth/tokens HTTP/1.1\r\nHost: orbis.test\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    const started = Date.now();
    for (let offset = 0; offset < body.length; offset += 500) {
      await connection.write(body.slice(offset, offset + 500));
      await sleep(100);
    }
    const [, status] = await connection.waitFor(/^HTTP\/1\.1 (\d+)/, 3000);
    expect(Date.now() - started).toBeGreaterThan(2000);
    expect(status).toBe("400");
    connection.destroy();
  });

  test("headers sent slowly are cut off", async () => {
    const connection = await connect(port);
    await connection.write("GET /api/v1/courses HTTP/1.1\r\nHost: orbis.test\r\n");
    const drip = (async () => {
      for (let i = 0; !connection.isClosed() && i < 40; i++) {
        await sleep(200);
        await connection.write(`X-Slow-${i}: 1\r\n`);
      }
    })();
    await closesWithin(connection, 4000);
    await drip;
    expect(connection.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(bodyOf(connection.received()).error.code).toBe("request_timeout");
  });

  test("a connection that never sends a request is closed", async () => {
    const connection = await connect(port);
    await closesWithin(connection, 4000);
  });
});

describe("answers given before the body was read", () => {
  /** An upload whose headers promise more than is ever sent: the server answers from what came first. */
  async function unfinishedUpload(headers: string, sent: Buffer, declared: number) {
    const connection = await connect(port);
    const boundary = "----orbis-unfinished";
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cover.png"\r\nContent-Type: image/png\r\n\r\n`,
    );
    await connection.write(
      `PUT /api/v1/courses/${courseId}/cover HTTP/1.1\r\nHost: orbis.test\r\n${headers}` +
        `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${declared}\r\n\r\n`,
    );
    await connection.write(Buffer.concat([head, sent]));
    return connection;
  }

  test("after a 413 on an upload the connection is closed, not left waiting for the rest", async () => {
    // The start of a PNG (signature and header chunk) is what the type check reads; the size is what is refused.
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000100000001000802000000d3103f31", "hex");
    const sent = Buffer.concat([png, Buffer.alloc(6 * 1024 * 1024)]);
    const connection = await unfinishedUpload(`Authorization: Bearer ${author}\r\n`, sent, 8 * 1024 * 1024);
    const [, status] = await connection.waitFor(/^HTTP\/1\.1 (\d+)/, 5000);
    expect(status).toBe("413");
    expect(connection.received()).toMatch(/\r\nconnection: close\r\n/i);
    await closesWithin(connection, 4000);
    expect(bodyOf(connection.received()).error.code).toBe("payload_too_large");
  });

  test("after a 401 on an upload the connection is closed too", async () => {
    const connection = await unfinishedUpload("", Buffer.alloc(64 * 1024), 1024 * 1024);
    const [, status] = await connection.waitFor(/^HTTP\/1\.1 (\d+)/, 5000);
    expect(status).toBe("401");
    await closesWithin(connection, 4000);
  });

  test("a finished request keeps its connection for the next one", async () => {
    const connection = await connect(port);
    await connection.write("GET /healthz HTTP/1.1\r\nHost: orbis.test\r\n\r\n");
    await connection.waitFor(/^HTTP\/1\.1 200 /, 3000);
    await connection.write("GET /healthz HTTP/1.1\r\nHost: orbis.test\r\n\r\n");
    await connection.waitFor(/HTTP\/1\.1 200 [\s\S]*HTTP\/1\.1 200 /, 3000);
    connection.destroy();
  });
});

describe("requests the HTTP parser refuses", () => {
  test("an address longer than the server reads is a 431 in the error shape", async () => {
    const connection = await connect(port);
    await connection.write(`GET /api/v1/courses?q=${"a".repeat(20_000)} HTTP/1.1\r\nHost: orbis.test\r\nAccept-Language: fr\r\n\r\n`);
    await connection.waitFor(/^HTTP\/1\.1 431 [\s\S]*\}$/, 3000);
    expect(bodyOf(connection.received()).error).toMatchObject({ code: "headers_too_large", message: expect.any(String) });
  });

  test("a request that is not HTTP is a 400 in the error shape", async () => {
    const connection = await connect(port);
    await connection.write("HELLO\r\n\r\n");
    await connection.waitFor(/^HTTP\/1\.1 400 [\s\S]*\}$/, 3000);
    expect(bodyOf(connection.received()).error.code).toBe("bad_request");
  });
});
