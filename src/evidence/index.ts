export * from "../hash-file.js";
export * from "./receipt.js";
export { MerkleTree } from "./merkle.js";
export * from "./signing.js";
export * from "./client.js";
export * from "./verdict.js";
export * from "./verifier.js";
export * from "./anchor.js";
