// The part of jsonld's API Orbis uses (the package ships no types).
declare module "jsonld" {
  type RemoteDocument = { contextUrl: string | null; documentUrl: string; document: unknown };
  type Options = {
    documentLoader?: (url: string) => Promise<RemoteDocument>;
    safe?: boolean;
    algorithm?: string;
    format?: string;
    rdfDirection?: string;
  };
  const jsonld: {
    canonize(input: unknown, options: Options): Promise<string>;
    expand(input: unknown, options: Options): Promise<unknown[]>;
  };
  export default jsonld;
}
