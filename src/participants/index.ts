export * from "./client.js";
export * from "./roles.js";
