/**
 * Runs rounds of one piece of background work, at most one at a time in this process. A call
 * while a round runs asks for one more round instead of starting a second run beside it, so a
 * burst of calls (a commit each) costs a few rounds, not one each; PGlite has one connection.
 *
 * `run()` settles when no round is owed any more, with the state `begin()` made for that run (a
 * report the rounds add to); it rejects when a round throws. `settled()` waits for the current
 * run, whatever its outcome: for tests and shutdown.
 */
export function coalesced<T>(begin: () => T, round: (state: T) => Promise<void>) {
  let running: Promise<T> | null = null;
  let again = false;
  return {
    run(): Promise<T> {
      again = true;
      running ??= (async () => {
        const state = begin();
        try {
          while (again) {
            again = false;
            await round(state);
          }
          return state;
        } finally {
          running = null;
        }
      })();
      return running;
    },
    settled(): Promise<void> {
      return running
        ? running.then(
            () => {},
            () => {},
          )
        : Promise.resolve();
    },
  };
}
