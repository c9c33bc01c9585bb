/** The shape every translation of a namespace must have: exactly the English keys. */
export type Catalogue<Source> = { [K in keyof Source]: string };
