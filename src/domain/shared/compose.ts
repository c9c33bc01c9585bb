/** A use case: a function of the module's context and then the caller's arguments. */
// biome-ignore lint/suspicious/noExplicitAny: the arguments of each use case are its own.
type UseCase<C> = (context: C, ...args: any[]) => unknown;

type Bound<C, F> = F extends (context: C, ...args: infer A) => infer R ? (...args: A) => R : never;

/**
 * A module's service: its use cases (one file each) with the module's context supplied, so
 * `service.ts` only composes and callers see `programmes.enrol(actor, cohortId)`.
 */
export function withContext<C, T extends Record<string, UseCase<C>>>(context: C, useCases: T): { [K in keyof T]: Bound<C, T[K]> } {
  const bound: Record<string, unknown> = {};
  for (const [name, useCase] of Object.entries(useCases)) bound[name] = (...args: unknown[]) => useCase(context, ...args);
  return bound as { [K in keyof T]: Bound<C, T[K]> };
}
