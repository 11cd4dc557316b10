import { uuidv7 } from "uuidv7";

/** Sortable UUIDv7 ids for every row (DESIGN.md: never sequential integers in URLs). */
export const newId = (): string => uuidv7();
