export * from "./errors.js";
export * from "./evidence/index.js";
export * from "./deployments.js";
