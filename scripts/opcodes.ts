// Which post-Paris opcodes a contract's bytecode can execute: walks the code instruction by instruction, skipping
// PUSH1-PUSH32 immediate data (so a PUSH's argument that contains 0x5f is not taken for PUSH0), leaving out the CBOR
// metadata Solidity appends, and skipping what follows a halting instruction (STOP, JUMP, RETURN, REVERT, INVALID,
// SELFDESTRUCT) up to the next JUMPDEST that some PUSH names (a jump target: Solidity pushes every one as a
// constant): no execution reaches such bytes, which are data (the via-IR pipeline appends 32-byte constants after the
// code, whose bytes may equal BLOBHASH and the like).
import { getBytes } from "ethers";

/** Opcodes a chain without Shanghai/Cancun does not have, by byte. */
export const POST_PARIS_OPCODES = {
  0x5f: "PUSH0", // Shanghai (EIP-3855)
  0x5e: "MCOPY", // Cancun (EIP-5656)
  0x5c: "TLOAD", // Cancun (EIP-1153)
  0x5d: "TSTORE", // Cancun (EIP-1153)
  0x49: "BLOBHASH", // Cancun (EIP-4844)
  0x4a: "BLOBBASEFEE", // Cancun (EIP-7516)
} as const satisfies Record<number, string>;

export type PostParisOpcode = (typeof POST_PARIS_OPCODES)[keyof typeof POST_PARIS_OPCODES];

/** The bytecode without Solidity's CBOR metadata (its length is the last two bytes). */
export function stripMetadata(code: Uint8Array): Uint8Array {
  if (code.length < 2) return code;
  const metadataLength = (code[code.length - 2] << 8) | code[code.length - 1];
  return metadataLength + 2 <= code.length ? code.subarray(0, code.length - metadataLength - 2) : code;
}

const HALTS = new Set([0x00, 0x56, 0xf3, 0xfd, 0xfe, 0xff]);
const JUMPDEST = 0x5b;

/** The post-Paris opcodes in the reachable code of `bytecode` (hex string or bytes), each counted. */
export function postParisOpcodes(bytecode: string | Uint8Array): Map<PostParisOpcode, number> {
  const code = stripMetadata(typeof bytecode === "string" ? getBytes(bytecode) : bytecode);
  const found = new Map<PostParisOpcode, number>();
  const pushed = new Set<number>();
  for (let pc = 0; pc < code.length; ++pc) {
    const op = code[pc];
    if (op >= 0x60 && op <= 0x7f) {
      const data = code.subarray(pc + 1, pc + op - 0x5e);
      if (data.length <= 4) pushed.add(data.reduce((value, byte) => value * 256 + byte, 0));
      pc += op - 0x5f;
    }
  }
  let reachable = true;
  for (let pc = 0; pc < code.length; ++pc) {
    const op = code[pc];
    if (op === JUMPDEST && pushed.has(pc)) reachable = true;
    if (!reachable) continue;
    if (HALTS.has(op)) reachable = false;
    if (op >= 0x60 && op <= 0x7f) {
      pc += op - 0x5f; // PUSHn: skip its n bytes of data
      continue;
    }
    const name = (POST_PARIS_OPCODES as Record<number, PostParisOpcode | undefined>)[op];
    if (name !== undefined) found.set(name, (found.get(name) ?? 0) + 1);
  }
  return found;
}
