import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { id } from "ethers";

import EvidenceModule from "./Evidence.js";

/**
 * The copyright suite on top of the evidence suite: `CopyrightRegistry` (works, terms, licensing), `CopyrightDisputes`
 * (evidence-backed disputes, holding the registry's ruling role) and `CopyrightRelay` (EIP-712 gasless registration,
 * holding the registrar role). Parameters: `admin` (admin, pauser and arbitrator; default: the deploying account) and
 * `revealWindow` (commit-reveal window in the chain's time unit; default one day in seconds).
 */
export default buildModule("Copyright", (m) => {
  const { evidenceRegistry } = m.useModule(EvidenceModule);
  const admin = m.getParameter("admin", m.getAccount(0));
  const revealWindow = m.getParameter("revealWindow", 86_400n);

  const copyrightRegistry = m.contract("CopyrightRegistry", [admin, revealWindow]);
  const copyrightDisputes = m.contract("CopyrightDisputes", [admin, copyrightRegistry, evidenceRegistry]);
  const copyrightRelay = m.contract("CopyrightRelay", [copyrightRegistry]);
  // Granted by the deploying account, which must be the admin for these two calls to succeed.
  m.call(copyrightRegistry, "grantRole", [id("RULING_ROLE"), copyrightDisputes], { id: "grantRulingRole" });
  m.call(copyrightRegistry, "grantRole", [id("REGISTRAR_ROLE"), copyrightRelay], { id: "grantRegistrarRole" });

  return { evidenceRegistry, copyrightRegistry, copyrightDisputes, copyrightRelay };
});
