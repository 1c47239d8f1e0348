export * from "./amount.js";
export * from "./client.js";
export * from "./discount.js";
export * from "./history.js";
export * from "./signing.js";
