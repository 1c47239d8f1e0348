import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { id } from "ethers";

import EvidenceModule from "./Evidence.js";

/**
 * The copyright suite on top of the evidence suite: `CopyrightRegistry` (works, terms, licensing), `CopyrightDisputes`
 * (evidence-backed disputes, holding the registry's ruling role) and `CopyrightRelay` (EIP-712 gasless registration,
 * holding the registrar role).
 *
 * Parameters: `admin` (admin role of the registry and of the disputes contract), `arbitrator` (rules on disputes),
 * `pauser` (pauses the registry), each defaulting to the deploying account; `revealWindow` (commit-reveal window in
 * the chain's time unit; default one day in seconds). The deploying account holds the registry's `SETUP_ROLE` only
 * to grant the ruling and registrar roles, then renounces it: it keeps no role unless a parameter names it.
 */
export default buildModule("Copyright", (m) => {
  const { evidenceRegistry } = m.useModule(EvidenceModule);
  const deployer = m.getAccount(0);
  const admin = m.getParameter("admin", deployer);
  const arbitrator = m.getParameter("arbitrator", deployer);
  const pauser = m.getParameter("pauser", deployer);
  const revealWindow = m.getParameter("revealWindow", 86_400n);

  const copyrightRegistry = m.contract("CopyrightRegistry", [admin, pauser, revealWindow], { from: deployer });
  const copyrightDisputes = m.contract("CopyrightDisputes", [admin, arbitrator, copyrightRegistry, evidenceRegistry]);
  const copyrightRelay = m.contract("CopyrightRelay", [copyrightRegistry]);
  const grantRuling = m.call(copyrightRegistry, "grantRole", [id("RULING_ROLE"), copyrightDisputes], {
    id: "grantRulingRole",
    from: deployer,
  });
  const grantRegistrar = m.call(copyrightRegistry, "grantRole", [id("REGISTRAR_ROLE"), copyrightRelay], {
    id: "grantRegistrarRole",
    from: deployer,
  });
  m.call(copyrightRegistry, "renounceRole", [id("SETUP_ROLE"), deployer], {
    id: "renounceSetupRole",
    from: deployer,
    after: [grantRuling, grantRegistrar],
  });

  return { evidenceRegistry, copyrightRegistry, copyrightDisputes, copyrightRelay };
});
