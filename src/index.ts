export * from "./errors.js";
export * from "./input.js";
export * from "./evidence/index.js";
export * from "./deployments.js";
export * from "./participants/index.js";
export * from "./bills/index.js";
export * from "./copyright/index.js";
