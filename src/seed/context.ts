import { type Database, lockedTransaction, type Transaction } from "../db/client.ts";
import type { UserDto } from "../domain/identity/dto.ts";
import type { Actor } from "../domain/shared/actor.ts";
import { isDomainError } from "../domain/shared/errors.ts";
import type { Locale } from "../i18n/locales.ts";
import type { Mailer } from "../infra/mailer.ts";
import type { FileStorage } from "../infra/storage.ts";
import { createServices, type Services } from "../services.ts";

/** What the seed writes into: the server's (or a test's) database and file storage. */
export type SeedTarget = {
  db: Database;
  /** Where the demo courses' covers, captions and handouts go. */
  storage: FileStorage;
  publicUrl: string;
  /** The clock of the services beside it (a test's fixed one); the real time when absent. */
  now?: () => Date;
  /** Told the name of each part of the demo once it is written (its transaction may still be open). */
  progress?: (part: string) => void;
};

/** The seed acts as a platform administrator that is nobody in particular, where staff would act. */
export const system: Actor = {
  userId: "00000000-0000-0000-0000-000000000000",
  email: "seed@orbis.invalid",
  name: "Demo data",
  locale: "en",
  roles: [{ role: "platform_admin", organisationId: null }],
};

/** What a part of the demo is written with: the services, on that part's own transaction. */
export type Seed = {
  services: Services;
  /** The caller's transaction, for the service methods that write in it (accounts made in bulk). */
  tx: Transaction;
  /** The day the demo is loaded: upcoming events are placed from it, and the story ends before it. */
  today: Date;
  /**
   * Sets the services' clock to `moment`, from where it runs on at real speed: a part of the story
   * that happened in the past (a workshop, its registrations and check-ins) is written then, as a
   * real clock would have dated it.
   */
  travelTo(moment: Date): void;
  /** A demo account, acting as its own session would: with its roles, language and time zone. */
  account(email: string): Promise<Actor>;
};

/** Serialises seeding between app servers starting at once on the same PostgreSQL. */
const SEED_LOCK = 7264002;

/** The demo's people are made up: what the services would mail them goes nowhere. */
const noMail: Mailer = { send: async () => {} };

const DAY_MS = 24 * 60 * 60 * 1000;

/** `days` days after `date` (before it when negative), at the same instant of the day. */
export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

/** A person as their own session would resolve them, from their account. */
export function actorOf(user: UserDto): Actor {
  return { userId: user.id, email: user.email, name: user.name, locale: user.locale, timeZone: user.timeZone, roles: user.roles };
}

/**
 * Someone whose account was made for them without a password (an invitation): a learner, as a
 * session of theirs would resolve them. The seed cannot sign them in, so it acts for them.
 */
export function invitedLearner(user: { id: string; email: string; name: string }, locale: Locale): Actor {
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    locale,
    timeZone: null,
    roles: [{ role: "learner", organisationId: null }],
  };
}

/** Whether `lookup` finds what it looks for: false on "not found", any other failure thrown. */
export async function found(lookup: Promise<unknown>): Promise<boolean> {
  try {
    await lookup;
    return true;
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") return false;
    throw error;
  }
}

/**
 * Writes one part of the demo in a transaction of its own, all or nothing, one server at a time,
 * through services built on that transaction; their clock starts at `start`.
 */
export function inTransaction<T>(target: SeedTarget, today: Date, start: Date, part: (seed: Seed) => Promise<T>): Promise<T> {
  return lockedTransaction(target.db, SEED_LOCK, async (tx) => {
    let origin = start.getTime();
    let since = performance.now();
    const now = () => new Date(origin + Math.floor(performance.now() - since));
    const services = createServices({ db: tx, mailer: noMail, config: { publicUrl: target.publicUrl }, storage: target.storage, now });
    const seed: Seed = {
      services: oneCallAtATime(services),
      tx,
      today,
      travelTo(moment) {
        origin = moment.getTime();
        since = performance.now();
      },
      async account(email) {
        const { items } = await services.identity.listUsers(system, { q: email });
        const user = items.find((u) => u.email === email);
        if (!user) throw new Error(`demo account ${email} is missing`);
        return actorOf(user);
      },
    };
    const result = await part(seed);
    // The mail the part queued is dropped before its transaction ends, so no server sends it later.
    await services.events.noticesDelivered();
    await services.notifications.deliverDue();
    return result;
  });
}

/**
 * The services, each call of which returns once the event notices it owes have been dropped. The
 * seed's calls share one transaction, and the notices' drain works in savepoints of its own: run
 * beside the next call, a failure rolling back its savepoint would take that call's writes with it.
 * The outbox's drain writes no savepoint, so it may run beside the next call; `inTransaction`
 * drains it before the transaction ends.
 */
function oneCallAtATime(services: Services): Services {
  const settled = (result: Promise<unknown>) =>
    result.then(
      async (value) => {
        await services.events.noticesDelivered();
        return value;
      },
      async (error: unknown) => {
        await services.events.noticesDelivered();
        throw error;
      },
    );
  const wrap = <S extends object>(service: S): S =>
    new Proxy(service, {
      get(target, key) {
        const member: unknown = Reflect.get(target, key);
        if (typeof member !== "function") return member;
        return (...args: unknown[]) => {
          const result: unknown = member.apply(target, args);
          return result instanceof Promise ? settled(result) : result;
        };
      },
    });
  return Object.fromEntries(Object.entries(services).map(([name, service]) => [name, wrap(service)])) as Services;
}
