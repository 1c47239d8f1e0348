// Hardhat reads any argument that starts with "-" as an option, so a negative number given where a value is expected
// ("bills split 1 -100.00") fails in its parser with "HHE509 ... Options cannot be grouped together", over three
// lines, before the task's own validation could say what is wrong. This module is loaded with the config, before
// Hardhat parses the task's arguments: for this project's task groups it turns such an argument into one `error:`
// line and exit code 1. A negative value given to an option ("--fee -5") is taken by Hardhat as the option's value
// and reaches the task's validation, so it is left alone here.

const GROUPS = new Set(["evidence", "copyright", "participants", "bills"]);
const NEGATIVE_NUMBER = /^-[0-9.,]/;

/** The one-line complaint about `argv` (the arguments after `hardhat`), or undefined when there is none. */
export function negativeArgumentError(argv: readonly string[]): string | undefined {
  // The task group, after any global options ("--network localhost bills split ...").
  const group = argv.findIndex((arg) => GROUPS.has(arg));
  if (group === -1) return undefined;
  for (let i = group + 1; i < argv.length; i++) {
    if (argv[i] === "--") return undefined;
    if (!NEGATIVE_NUMBER.test(argv[i])) continue;
    if (argv[i - 1].startsWith("--")) continue; // an option's value: the task validates it
    return `"${argv[i]}" is negative: amounts, ids and times are never negative`;
  }
  return undefined;
}

/** Prints the complaint and exits 1 when the command line has a negative positional value. */
export function refuseNegativeArguments(argv: readonly string[] = process.argv.slice(2)): void {
  const error = negativeArgumentError(argv);
  if (error === undefined) return;
  console.error(`error: ${error}`);
  process.exit(1);
}
