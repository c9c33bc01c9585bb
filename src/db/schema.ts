// Every module's tables, for the Drizzle client and drizzle-kit. Add a module's schema here.
export * from "../domain/catalogue/schema.ts";
export * from "../domain/certifications/schema.ts";
export * from "../domain/competencies/schema.ts";
export * from "../domain/credentials/schema.ts";
export * from "../domain/events/schema.ts";
export * from "../domain/identity/schema.ts";
export * from "../domain/learning/schema.ts";
export * from "../domain/network/schema.ts";
export * from "../domain/notifications/schema.ts";
export * from "../domain/programmes/schema.ts";
