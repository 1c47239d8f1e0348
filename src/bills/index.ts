export * from "./amount.js";
export * from "./client.js";
