import net from "node:net";

/**
 * A plain TCP connection to a listening server, for what `fetch` and `inject` hide: bodies sent
 * slowly or never finished, and whether the server ends the connection.
 */
export type RawConnection = {
  write(data: string | Buffer): Promise<void>;
  /** Everything received so far. */
  received(): string;
  /** Resolves when the server has closed (or reset) the connection. */
  closed: Promise<void>;
  isClosed(): boolean;
  /** Resolves once `pattern` appears in what was received, rejects after `ms`. */
  waitFor(pattern: RegExp, ms: number): Promise<RegExpMatchArray>;
  destroy(): void;
};

export async function connect(port: number): Promise<RawConnection> {
  const socket = net.connect(port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  let data = "";
  let ended = false;
  const waiters = new Set<() => void>();
  socket.on("data", (chunk: Buffer) => {
    data += chunk.toString("latin1");
    for (const wake of waiters) wake();
  });
  // A reset after the server closes is how some refusals end; it is not a failure of the test.
  socket.on("error", () => {});
  const closed = new Promise<void>((resolve) =>
    socket.once("close", () => {
      ended = true;
      for (const wake of waiters) wake();
      resolve();
    }),
  );
  return {
    write: (chunk) =>
      new Promise((resolve) => {
        if (socket.destroyed || !socket.writable) return resolve();
        socket.write(chunk, () => resolve());
      }),
    received: () => data,
    closed,
    isClosed: () => ended,
    waitFor(pattern, ms) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = data.match(pattern);
          if (match) {
            cleanup();
            resolve(match);
          } else if (ended) {
            cleanup();
            reject(new Error(`connection closed without ${pattern}; received:\n${data}`));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no ${pattern} within ${ms} ms; received:\n${data}`));
        }, ms);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    destroy: () => socket.destroy(),
  };
}

/** Resolves with how long the connection took to close, or rejects after `ms`. */
export async function closesWithin(connection: RawConnection, ms: number): Promise<number> {
  const start = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the server kept the connection open over ${ms} ms`)), ms);
  });
  try {
    await Promise.race([connection.closed, timeout]);
  } finally {
    clearTimeout(timer);
  }
  return Date.now() - start;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
