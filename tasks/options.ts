import { ArgumentType } from "hardhat/types/arguments";

// Option definitions shared by the task groups; this module is loaded with the config, so it imports nothing heavy.

/** A string option that may be left out (the action receives undefined). */
export const optional = <Name extends string>(name: Name, description: string) =>
  ({ name, description, type: ArgumentType.STRING_WITHOUT_DEFAULT, defaultValue: undefined }) as const;

/** A required option: it defaults to "" and the SDK rejects the empty value with one clear message. */
export const required = <Name extends string>(name: Name, description: string) =>
  ({ name, description, defaultValue: "" }) as const;

/** The digest algorithm of a file. */
export const algorithm = {
  name: "algorithm",
  description: "keccak256, sha256, sha3-256 or sm3",
  defaultValue: "sha256",
} as const;
