import { dataSlice, getAddress, id } from "ethers";

/** A deterministic address per label that no test signer controls (and that holds no code). */
export function addressOf(label: string): string {
  return getAddress(dataSlice(id(label), 12));
}
