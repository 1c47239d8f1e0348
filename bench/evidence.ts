// Evidence suite: EvidenceRegistry against the reference EAS, both deployed fresh in the same in-process network.
// Every digest is keccak256 of a fixed label and index, every record is fresh, every signer's nonce starts at 0,
// and both contracts are called once before any measurement, so a run's numbers repeat exactly.
import { ZeroHash, Wallet, id, solidityPackedKeccak256 } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { EvidenceBatch, signAnchor, signCosign } from "../src/evidence/index.js";
import { attestationRequest, deployEasWithSchema, easSigner, encodeSchemaData, signEasAttestation } from "./eas.js";
import { row, type GasRow } from "./report.js";

const SUITE = "evidence";
const KECCAK256 = 1;
/** One far-future deadline for every signed request, ours and EAS's (uint64), so calldata is identical run to run. */
const DEADLINE = 2n ** 40n;
const BATCH_SIZE = 10_000;
/** 500 timestamps (~12.3M gas) fit both the block gas limit and the EIP-7825 (Osaka) per-transaction cap of 2^24. */
const MULTI_TIMESTAMP_CHUNK = 500;

const ANCHOR_TARGET = { maxGas: 47_000 };
const BATCH_TARGET = { maxGas: 50_000 };
const BY_SIG_TARGET = { maxRatio: 0.4 };

function digest(label: string, index: number): string {
  return solidityPackedKeccak256(["string", "uint256"], [label, index]);
}

/** A sent transaction, structurally: the EAS bindings' (CommonJS ethers) and ours (ESM ethers) both fit. */
interface SentTransaction {
  wait(): Promise<{ status: number | null; gasUsed: bigint; hash: string } | null>;
}

async function gasUsed(tx: Promise<SentTransaction>): Promise<number> {
  const receipt = await (await tx).wait();
  if (receipt === null || receipt.status !== 1) throw new Error(`bench transaction failed: ${receipt?.hash}`);
  return Number(receipt.gasUsed);
}

/** A signer that has never signed anything on either contract: its nonce goes 0 → 1, the dearer case. */
function freshSigner(label: string): Wallet {
  return new Wallet(id(`bench:evidence:${label}`));
}

export async function benchEvidence(connection: NetworkConnection): Promise<GasRow[]> {
  const { ethers } = connection;
  const [deployer, user, relayer, witness1, witness2, witness3] = await ethers.getSigners();

  const registry = (await ethers.deployContract("EvidenceRegistry", deployer)).connect(user);
  await registry.waitForDeployment();
  const easDeployment = await deployEasWithSchema(deployer, "bytes32 digest");
  const eas = easDeployment.eas.connect(easSigner(user));
  const schema = easDeployment.schema;
  const attestDigest = (d: string) => attestationRequest(schema, encodeSchemaData(schema, [d]));

  // Warm-up: one call of each contract, so neither pays a first-use cost the other has already paid.
  await gasUsed(registry.anchor(digest("warm-up", 0), KECCAK256, ZeroHash));
  await gasUsed(eas.attest(attestDigest(digest("warm-up", 0))));
  await gasUsed(eas.timestamp(digest("warm-up", 0)));

  const rows: GasRow[] = [];

  // anchor vs EAS.attest / EAS.timestamp: the same digest on each contract.
  const d1 = digest("anchor", 1);
  const anchorGas = await gasUsed(registry.anchor(d1, KECCAK256, ZeroHash));
  const attestGas = await gasUsed(eas.attest(attestDigest(d1)));
  rows.push(
    row(
      {
        suite: SUITE,
        operation: "anchor",
        gas: anchorGas,
        baseline: "EAS.attest",
        baselineGas: attestGas,
        note: 'EAS schema "bytes32 digest", revocable, no resolver',
      },
      ANCHOR_TARGET,
    ),
  );
  const d2 = digest("anchor", 2);
  const anchorGas2 = await gasUsed(registry.anchor(d2, KECCAK256, ZeroHash));
  const timestampGas = await gasUsed(eas.timestamp(d2));
  rows.push(
    row(
      {
        suite: SUITE,
        operation: "anchor",
        gas: anchorGas2,
        baseline: "EAS.timestamp",
        baselineGas: timestampGas,
        note: "EAS.timestamp records only the time: no submitter, algorithm or block",
      },
      ANCHOR_TARGET,
    ),
  );

  // One Merkle root for 10,000 digests vs timestamping each of them.
  const digests = Array.from({ length: BATCH_SIZE }, (_, i) => digest("batch", i));
  const batch = new EvidenceBatch(digests);
  const batchGas = await gasUsed(registry.anchorBatch(batch.root, KECCAK256, batch.size, ZeroHash));
  let multiTimestampGas = 0;
  for (let i = 0; i < BATCH_SIZE; i += MULTI_TIMESTAMP_CHUNK) {
    multiTimestampGas += await gasUsed(eas.multiTimestamp(digests.slice(i, i + MULTI_TIMESTAMP_CHUNK)));
  }
  const chunks = BATCH_SIZE / MULTI_TIMESTAMP_CHUNK;
  const blockGasLimit = (await ethers.provider.getBlock("latest"))?.gasLimit ?? 0n;
  rows.push(
    row(
      {
        suite: SUITE,
        operation: "anchorBatch10000",
        gas: batchGas,
        baseline: "EAS.multiTimestamp",
        baselineGas: multiTimestampGas,
        note:
          `baseline: gasUsed of the same 10,000 digests in ${chunks} multiTimestamp calls of ${MULTI_TIMESTAMP_CHUNK}, ` +
          `summed (one call of 10,000 exceeds the ${blockGasLimit} block gas limit): ` +
          `${Math.round(multiTimestampGas / BATCH_SIZE)} gas per digest`,
      },
      BATCH_TARGET,
    ),
  );

  // Delegated anchor vs delegated attestation, each by a first-time signer, relayed by the same account.
  const anchorSigner = freshSigner("anchorBySig");
  const d3 = digest("anchorBySig", 1);
  const signedAnchor = await signAnchor(anchorSigner, registry, {
    digest: d3,
    algorithm: KECCAK256,
    deadline: DEADLINE,
  });
  const anchorBySigGas = await gasUsed(
    registry
      .connect(relayer)
      .anchorBySig(
        signedAnchor.digest,
        signedAnchor.algorithm,
        signedAnchor.metadata,
        signedAnchor.submitter,
        signedAnchor.nonce,
        signedAnchor.deadline,
        signedAnchor.signature,
      ),
  );
  const delegated = await signEasAttestation(anchorSigner, eas, schema, encodeSchemaData(schema, [d3]), DEADLINE);
  const attestByDelegationGas = await gasUsed(eas.connect(easSigner(relayer)).attestByDelegation(delegated));
  rows.push(
    row(
      {
        suite: SUITE,
        operation: "anchorBySig",
        gas: anchorBySigGas,
        baseline: "EAS.attestByDelegation",
        baselineGas: attestByDelegationGas,
        note: "first-time signer on both (nonce 0 -> 1, the dearer case); EOA signature, relayed",
      },
      BY_SIG_TARGET,
    ),
  );

  // Co-signing a 2-of-3 record: the first co-signature, then the one reaching the threshold.
  const witnesses = [witness1, witness2, witness3];
  const cosigned = digest("cosign", 1);
  await gasUsed(registry.anchor(cosigned, KECCAK256, ZeroHash));
  await gasUsed(
    registry.requireWitnesses(
      cosigned,
      witnesses.map((w) => w.address),
      2,
      0,
    ),
  );
  const cosignGas = await gasUsed(registry.connect(witness1).cosign(cosigned));
  const reachingGas = await gasUsed(registry.connect(witness2).cosign(cosigned));
  rows.push(
    row({
      suite: SUITE,
      operation: "cosign",
      gas: cosignGas,
      note: "first co-signature of a 2-of-3 record, by the witness's own transaction",
    }),
    row({
      suite: SUITE,
      operation: "cosignReachingThreshold",
      gas: reachingGas,
      note: "second co-signature of a 2-of-3 record: also sets the witnessed flag and emits Witnessed",
    }),
  );

  // Delegated first co-signature of a fresh 2-of-3 record, by a witness signing for the first time.
  const bySigWitness = freshSigner("cosignBySig");
  const cosignedBySig = digest("cosignBySig", 1);
  await gasUsed(registry.anchor(cosignedBySig, KECCAK256, ZeroHash));
  await gasUsed(
    registry.requireWitnesses(cosignedBySig, [bySigWitness.address, witness2.address, witness3.address], 2, 0),
  );
  const signedCosign = await signCosign(bySigWitness, registry, { id: cosignedBySig, deadline: DEADLINE });
  const cosignBySigGas = await gasUsed(
    registry
      .connect(relayer)
      .cosignBySig(
        signedCosign.id,
        signedCosign.witness,
        signedCosign.nonce,
        signedCosign.deadline,
        signedCosign.signature,
      ),
  );
  rows.push(
    row({
      suite: SUITE,
      operation: "cosignBySig",
      gas: cosignBySigGas,
      note: "first co-signature of a 2-of-3 record, relayed; first-time witness signer (nonce 0 -> 1)",
    }),
  );

  return rows;
}
