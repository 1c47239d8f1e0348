import { ArgumentType } from "hardhat/types/arguments";

// Option definitions shared by the task groups; this module is loaded with the config, so it imports nothing heavy.

/** A string option that may be left out (the action receives undefined). */
export const optional = <Name extends string>(name: Name, description: string) =>
  ({ name, description, type: ArgumentType.STRING_WITHOUT_DEFAULT, defaultValue: undefined }) as const;

/** Names of the options declared with `required` (the task wrapper refuses them left empty). */
export const requiredOptions = new Set<string>();

/** A required option: it defaults to "" and the task refuses the empty value with "--<name> is required". */
export const required = <Name extends string>(name: Name, description: string) => {
  requiredOptions.add(name);
  return { name, description, defaultValue: "" } as const;
};

/** The command-line spelling of an option name: "tradeDigest" -> "--trade-digest". */
export const optionFlag = (name: string): string => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** The digest algorithm of a file. */
export const algorithm = {
  name: "algorithm",
  description: "keccak256, sha256, sha3-256 or sm3",
  defaultValue: "sha256",
} as const;
