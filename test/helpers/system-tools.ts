// The system programs some tests need besides Node: Debian's Chromium for the portal, poppler-utils and zbar-tools for
// the certificate. Without one, a test says so and skips, except where REQUIRE_SYSTEM_TOOLS=1 (CI sets it, having
// installed them): there a missing one fails the run, so that a green CI always means the browser tests ran.
import { spawnSync } from "node:child_process";

export const SYSTEM_TOOLS_REQUIRED = process.env.REQUIRE_SYSTEM_TOOLS === "1";

/** Whether `tool` runs (`tool -v`). */
export function toolInstalled(tool: string): boolean {
  return spawnSync(tool, ["-v"], { stdio: "ignore" }).error === undefined;
}

/**
 * Says why a test cannot run here (`message`, printed at `indent`) and returns, so the caller skips; throws instead when
 * the run requires the system tools.
 */
export function cannotRun(message: string, indent = "      "): void {
  if (SYSTEM_TOOLS_REQUIRED) throw new Error(`${message}; REQUIRE_SYSTEM_TOOLS=1 requires it`);
  console.log(`${indent}skipped: ${message}`);
}
