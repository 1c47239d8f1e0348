// Receipts: the format and parser (browser-safe, `receipt-format.ts`) and reading a receipt file (Node).
import { readFile } from "node:fs/promises";

import { InvalidInputError } from "../errors.js";
import { parseReceipt, type EvidenceReceipt } from "./receipt-format.js";

export * from "./receipt-format.js";

/** Reads a receipt file; throws `InvalidInputError` if it is missing or malformed. */
export async function readReceipt(path: string): Promise<EvidenceReceipt> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new InvalidInputError(`receipt not found: ${path}`);
  }
  return parseReceipt(text);
}
