import type { SolidityHooks } from "hardhat/types/hooks";

// Measured on the project's 2-core machine (README, "Set up and run"): a cold build of the whole tree takes about
// 2.5 minutes alone with the WebAssembly compiler, up to 5 minutes while other jobs run.
const COLD_BUILD = "a cold build of everything takes about 2.5-5 min on 2 cores";

export default async (): Promise<Partial<SolidityHooks>> => ({
  async invokeSolc(context, compiler, solcInput, solcConfig, next) {
    const files = Object.keys(solcInput.sources).length;
    const settings = solcInput.settings as { viaIR?: boolean; evmVersion?: string };
    const how = [
      compiler.isSolcJs ? "WebAssembly" : "native",
      settings.viaIR ? "via IR" : "",
      settings.evmVersion ?? "",
    ]
      .filter(Boolean)
      .join(", ");
    console.log(`Compiling ${files} files with solc ${solcConfig.version} (${how}; ${COLD_BUILD})...`);
    return next(context, compiler, solcInput, solcConfig);
  },
});
