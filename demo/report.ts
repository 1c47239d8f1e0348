/** Collects the demo's steps and prints them as a short, readable report. */
export class DemoReport {
  private readonly steps: { suite: string; step: string; detail: string; gas?: bigint }[] = [];

  /** Records a step; `gas` is the transaction's gas used, when the step is one transaction. */
  add(suite: string, step: string, detail: string, gas?: bigint): void {
    this.steps.push({ suite, step, detail, gas });
    console.log(`  [${suite}] ${step}${gas === undefined ? "" : ` (gas ${gas.toLocaleString("en-US")})`}: ${detail}`);
  }

  /** Prints the gas summary of every step that sent a transaction. */
  printGasSummary(): void {
    const rows = this.steps.filter((s) => s.gas !== undefined);
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => `${r.suite} / ${r.step}`.length));
    console.log("\nGas used per step");
    for (const r of rows)
      console.log(`  ${`${r.suite} / ${r.step}`.padEnd(width)}  ${r.gas!.toLocaleString("en-US").padStart(10)}`);
  }
}
