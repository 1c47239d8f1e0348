// The reference Ethereum Attestation Service (the published 1.9.0 bytecode, not a rebuild), deployed into the bench's
// in-process network so every suite can measure its operations against EAS in the same run.
//
// The package is CommonJS, so its TypeChain bindings are typed (and run) against ethers' CommonJS build while this
// project uses the ESM build: the same classes, nominally distinct types. ethers only duck-types a contract runner, so
// an ESM signer drives a CommonJS contract fine at run time; `easSigner` is the one place that crosses the boundary.
import {
  EAS__factory,
  SchemaRegistry__factory,
  type EAS,
  type SchemaRegistry,
} from "@ethereum-attestation-service/eas-contracts";
import type { Signer as EasSigner } from "ethers" with { "resolution-mode": "require" };
import type {
  AttestationRequestStruct,
  DelegatedAttestationRequestStruct,
} from "@ethereum-attestation-service/eas-contracts/dist/typechain-types/contracts/EAS.js";
import {
  AbiCoder,
  Signature,
  TypedDataEncoder,
  ZeroAddress,
  ZeroHash,
  id,
  type Signer,
  type TypedDataDomain,
} from "ethers";

export type { EAS, SchemaRegistry };

/** A deployed EAS with its schema registry. */
export interface EasDeployment {
  registry: SchemaRegistry;
  eas: EAS;
}

/** A schema registered in a deployed EAS. */
export interface EasSchema {
  /** The schema's UID, as EAS derives it from the string, resolver and revocability. */
  uid: string;
  /** The schema string, e.g. "bytes32 digest,string title". */
  schema: string;
  /** The field types in order, parsed from the string, for `encodeSchemaData`. */
  types: string[];
  revocable: boolean;
}

/** The EIP-712 type of a delegated attestation, as `EIP1271Verifier.sol` (EAS 1.4.0) hashes it. */
export const EAS_ATTEST_TYPES = {
  Attest: [
    { name: "attester", type: "address" },
    { name: "schema", type: "bytes32" },
    { name: "recipient", type: "address" },
    { name: "expirationTime", type: "uint64" },
    { name: "revocable", type: "bool" },
    { name: "refUID", type: "bytes32" },
    { name: "data", type: "bytes" },
    { name: "value", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint64" },
  ],
};

/** A project (ESM ethers) signer as the EAS bindings' (CommonJS ethers) signer, for `eas.connect(easSigner(s))`. */
export function easSigner(signer: Signer): EasSigner {
  return signer as unknown as EasSigner;
}

/** Deploys `SchemaRegistry` and `EAS` from `deployer`. */
export async function deployEas(deployer: Signer): Promise<EasDeployment> {
  const registry = await new SchemaRegistry__factory(easSigner(deployer)).deploy();
  await registry.waitForDeployment();
  const eas = await new EAS__factory(easSigner(deployer)).deploy(await registry.getAddress());
  await eas.waitForDeployment();
  return { registry, eas };
}

/** Registers `schema` (no resolver) and returns its UID and field types. */
export async function registerSchema(
  { registry }: EasDeployment,
  schema: string,
  options: { revocable?: boolean } = {},
): Promise<EasSchema> {
  const revocable = options.revocable ?? true;
  const types = parseSchema(schema);
  const uid = await registry.register.staticCall(schema, ZeroAddress, revocable);
  await (await registry.register(schema, ZeroAddress, revocable)).wait();
  return { uid, schema, types, revocable };
}

/** Deploys EAS and registers `schema` in it. */
export async function deployEasWithSchema(
  deployer: Signer,
  schema: string,
  options: { revocable?: boolean } = {},
): Promise<EasDeployment & { schema: EasSchema }> {
  const deployment = await deployEas(deployer);
  return { ...deployment, schema: await registerSchema(deployment, schema, options) };
}

/** ABI-encodes one attestation's data for `schema`, values in field order. */
export function encodeSchemaData(schema: EasSchema, values: readonly unknown[]): string {
  if (values.length !== schema.types.length) {
    throw new Error(`schema "${schema.schema}" has ${schema.types.length} fields, got ${values.length} values`);
  }
  return AbiCoder.defaultAbiCoder().encode(schema.types, values);
}

/** A plain attestation request: no recipient, no expiration, no reference, no value; revocable as the schema. */
export function attestationRequest(schema: EasSchema, data: string): AttestationRequestStruct {
  return {
    schema: schema.uid,
    data: {
      recipient: ZeroAddress,
      expirationTime: 0n,
      revocable: schema.revocable,
      refUID: ZeroHash,
      data,
      value: 0n,
    },
  };
}

/**
 * Signs a delegated attestation for `eas.attestByDelegation` with the attester's current EAS nonce. The domain is read
 * from the contract (ERC-5267) and checked against `getDomainSeparator()`, and the type against `getAttestTypeHash()`,
 * so a mismatch fails here rather than as an `InvalidSignature` revert.
 */
export async function signEasAttestation(
  attester: Signer,
  eas: EAS,
  schema: EasSchema,
  data: string,
  deadline: bigint,
): Promise<DelegatedAttestationRequestStruct> {
  const domain = await easDomain(eas);
  if (TypedDataEncoder.hashDomain(domain) !== (await eas.getDomainSeparator())) {
    throw new Error("EAS EIP-712 domain does not match the contract's domain separator");
  }
  const typeString = TypedDataEncoder.from(EAS_ATTEST_TYPES).encodeType("Attest");
  if (id(typeString) !== (await eas.getAttestTypeHash())) {
    throw new Error(`EAS Attest typehash does not match ${typeString}`);
  }
  const request = attestationRequest(schema, data);
  const address = await attester.getAddress();
  const message = {
    attester: address,
    schema: schema.uid,
    ...request.data,
    nonce: await eas.getNonce(address),
    deadline,
  };
  const signature = Signature.from(await attester.signTypedData(domain, EAS_ATTEST_TYPES, message));
  return {
    ...request,
    signature: { v: signature.v, r: signature.r, s: signature.s },
    attester: address,
    deadline,
  };
}

async function easDomain(eas: EAS): Promise<TypedDataDomain> {
  const domain = await eas.eip712Domain();
  return {
    name: domain.name,
    version: domain.version,
    chainId: domain.chainId,
    verifyingContract: domain.verifyingContract,
  };
}

/** "bytes32 digest,string title" → ["bytes32", "string"]. */
function parseSchema(schema: string): string[] {
  const types = schema.split(",").map((field) => field.trim().split(/\s+/)[0]);
  if (types.length === 0 || types.some((t) => t === "")) throw new Error(`malformed EAS schema: "${schema}"`);
  return types;
}
