export * from "./audit";
export * from "./emails";
export * from "./officers";
export * from "./organizations";
export * from "./reports";
export * from "./sessions";
export * from "./users";
export * from "./work-logs";
