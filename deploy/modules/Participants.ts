import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/**
 * The shared participant register. `admin` grants and revokes the KYC role; `kycOfficer` registers participants.
 * Both default to the deploying account, which suits a local node; in production pass two distinct accounts as module
 * parameters (see deploy/parameters/consortium.example.json), so that no single key both appoints the KYC desk and
 * registers participants.
 */
export default buildModule("Participants", (m) => {
  const admin = m.getParameter("admin", m.getAccount(0));
  const kycOfficer = m.getParameter("kycOfficer", m.getAccount(0));
  const participantRegistry = m.contract("ParticipantRegistry", [admin, kycOfficer]);
  return { participantRegistry };
});
