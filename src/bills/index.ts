export * from "./amount.js";
export * from "./client.js";
export * from "./discount.js";
export * from "./history.js";
