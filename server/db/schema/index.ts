export * from "./audit";
export * from "./emails";
export * from "./organizations";
export * from "./sessions";
export * from "./users";
