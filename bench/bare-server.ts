/** The baseline: Fastify with no plugins and one trivial route. Prints its URL, then serves until killed. */
import Fastify from "fastify";

const app = Fastify({ logger: false });
app.get("/bare", async () => ({ hello: "world" }));
const url = await app.listen({ port: 0, host: "127.0.0.1" });
console.log(url);
process.on("SIGTERM", () => void app.close().then(() => process.exit(0)));
