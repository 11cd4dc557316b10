export * from "./audit";
export * from "./emails";
export * from "./officers";
export * from "./organizations";
export * from "./sessions";
export * from "./users";
export * from "./work-logs";
