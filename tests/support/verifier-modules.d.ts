// The parts of Digital Bazaar's libraries the independent verifier uses (they ship no types).
declare module "@digitalbazaar/data-integrity" {
  export class DataIntegrityProof {
    constructor(options: { cryptosuite: unknown });
  }
}
declare module "@digitalbazaar/eddsa-rdfc-2022-cryptosuite" {
  export const cryptosuite: unknown;
}
declare module "jsonld-signatures" {
  const jsigs: {
    verify(
      document: unknown,
      options: { suite: unknown; purpose: unknown; documentLoader: (url: string) => Promise<unknown> },
    ): Promise<{ verified: boolean; error?: unknown }>;
    purposes: { AssertionProofPurpose: new () => unknown };
  };
  export default jsigs;
}
