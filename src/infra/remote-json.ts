/**
 * Fetches a JSON document from another site for credential verification (DID documents, status
 * lists): https only, no redirects, a time limit and a size cap, so a hostile credential cannot
 * make the server wait, read a huge body or reach plain-http services on its network.
 */
export type RemoteJson = (url: string) => Promise<unknown>;

export class RemoteFetchError extends Error {}

export function createRemoteJsonFetcher(options: { timeoutMs?: number; maxBytes?: number } = {}): RemoteJson {
  const timeoutMs = options.timeoutMs ?? 5000;
  const maxBytes = options.maxBytes ?? 256 * 1024;
  return async (url) => {
    const parsed = new URL(url);
    if (parsed.protocol !== "https:") throw new RemoteFetchError(`refused a non-https address: ${parsed.protocol}`);
    const response = await fetch(parsed, {
      redirect: "error",
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: "application/did+json, application/vc+ld+json, application/json" },
    }).catch((error: unknown) => {
      throw new RemoteFetchError(`fetch failed: ${(error as Error).message}`);
    });
    if (!response.ok || !response.body) throw new RemoteFetchError(`answered ${response.status}`);
    const declared = Number(response.headers.get("content-length") ?? 0);
    if (declared > maxBytes) throw new RemoteFetchError(`larger than ${maxBytes} bytes`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      size += read.value.length;
      if (size > maxBytes) {
        await reader.cancel();
        throw new RemoteFetchError(`larger than ${maxBytes} bytes`);
      }
      chunks.push(read.value);
    }
    try {
      return JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      throw new RemoteFetchError("not JSON");
    }
  };
}
