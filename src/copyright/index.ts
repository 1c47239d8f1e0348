export * from "./authors.js";
export * from "./commit.js";
export * from "./terms.js";
export * from "./signing.js";
export * from "./client.js";
