import type { SolidityHooks } from "hardhat/types/hooks";

// Measured on the project's 2-core machine (README, "Set up and run"): a cold build of the whole tree takes about
// 3 minutes of CPU with the WebAssembly compiler (7 min wall clock with other jobs running: `npm run demo`, cold).
const COLD_BUILD = "a cold build of everything: about 3 min on 2 idle cores, 7 min on a busy machine";

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
