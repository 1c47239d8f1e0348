// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IUnorderedNonces} from "../common/IUnorderedNonces.sol";

/// @title IEvidenceRegistry
/// @notice Proof that a document existed, unchanged, at a time, submitted by someone and optionally co-signed by
/// named witnesses (a notary office, a court). An evidence id is the document's digest, or the Merkle root of a
/// batch of digests; the first anchor of an id wins and is the priority proof. Nothing is ever deleted: revocation
/// and supersession are recorded beside the original, which stays readable.
/// @dev Algorithm ids are open: any id from 1 to 127 is accepted and recorded. The ones the SDK speaks are
/// 1 = keccak256, 2 = SHA-256, 3 = SHA3-256, 4 = SM3 (GB/T 32905-2016).
/// Signed requests (`anchorBySig`, `cosignBySig`) carry unordered nonces (`IUnorderedNonces`): a request is used
/// once, in any order; one that fails (its digest anchored first by someone else, its record revoked) blocks none of
/// its signer's others, and a signer cancels a request it signed by invalidating its nonce. Anchors and co-signatures
/// share one nonce bitmap per account. `EvidenceRevoked`, `ExpiredSignature`, `InvalidSignature` and
/// `NonceAlreadyUsed` are the shared errors of `IChainproofErrors`.
interface IEvidenceRegistry is IUnorderedNonces {
    /// @notice One anchored evidence record (stored packed in a single slot).
    /// @param submitter Who anchored it (for a delegated anchor, the signer, not the relayer).
    /// @param time Block timestamp of the anchor, in the chain's unit (seconds; milliseconds on FISCO BCOS).
    /// @param blockNumber Block number of the anchor.
    /// @param algorithm Hash algorithm id of the digest (or of every digest in a batch), 1 to 127.
    /// @param batch Whether the id is a batch's Merkle root.
    struct Record {
        address submitter;
        uint64 time;
        uint64 blockNumber;
        uint8 algorithm;
        bool batch;
    }

    /// @notice Everything a verifier needs about a digest, in one answer.
    /// @param exists Whether the digest is anchored (directly, or in a batch with a valid proof).
    /// @param batched Whether the answer comes from a batch root (the digest's time is the root's time).
    /// @param algorithm Hash algorithm id.
    /// @param submitter Who anchored it.
    /// @param time Anchor time (block timestamp).
    /// @param blockNumber Anchor block.
    /// @param witnessThreshold Co-signatures required (0: no witnesses required).
    /// @param witnessSignatures Co-signatures given so far.
    /// @param witnessed Whether the threshold has been reached.
    /// @param revoked Whether the submitter revoked the record.
    /// @param revokedAt When it was revoked (0 if not).
    /// @param supersededBy The record that supersedes it (zero if none).
    struct Verification {
        bool exists;
        bool batched;
        uint8 algorithm;
        address submitter;
        uint64 time;
        uint64 blockNumber;
        uint8 witnessThreshold;
        uint8 witnessSignatures;
        bool witnessed;
        bool revoked;
        uint64 revokedAt;
        bytes32 supersededBy;
    }

    /// @notice The witness policy of a record.
    /// @param threshold Co-signatures required (M of N).
    /// @param signatures Co-signatures given so far.
    /// @param deadline Last moment a witness may co-sign (0: no deadline).
    /// @param witnesses The N named witnesses.
    struct WitnessPolicy {
        uint8 threshold;
        uint8 signatures;
        uint64 deadline;
        address[] witnesses;
    }

    /// @notice A digest (or a batch root) was anchored.
    /// @param id The digest, or the batch's Merkle root.
    /// @param submitter Who anchored it.
    /// @param algorithm Hash algorithm id.
    /// @param metadata Optional caller data: a hash of off-chain metadata, or zero.
    event Anchored(bytes32 indexed id, address indexed submitter, uint8 algorithm, bytes32 metadata);

    /// @notice A Merkle root covering `size` digests was anchored (emitted with `Anchored`).
    /// @param root The batch's Merkle root (its evidence id).
    /// @param submitter Who anchored it.
    /// @param size How many digests the batch covers, as declared by the submitter.
    event BatchAnchored(bytes32 indexed root, address indexed submitter, uint256 size);

    /// @notice Off-chain metadata location for a record (emitted with `Anchored`, whose metadata is its hash).
    /// @param id The evidence id.
    /// @param submitter Who anchored it.
    /// @param uri The metadata URI.
    event MetadataURI(bytes32 indexed id, address indexed submitter, string uri);

    /// @notice The submitter required `threshold` of `witnesses` to co-sign.
    /// @param id The evidence id.
    /// @param submitter The record's submitter.
    /// @param witnesses The named witnesses.
    /// @param threshold Co-signatures required.
    /// @param deadline Last moment to co-sign (0: none).
    event WitnessesRequired(
        bytes32 indexed id,
        address indexed submitter,
        address[] witnesses,
        uint8 threshold,
        uint64 deadline
    );

    /// @notice A witness co-signed a record.
    /// @param id The evidence id.
    /// @param submitter The record's submitter.
    /// @param witness The witness.
    /// @param signatures Co-signatures given so far, this one included.
    event Cosigned(bytes32 indexed id, address indexed submitter, address indexed witness, uint8 signatures);

    /// @notice A record reached its witness threshold.
    /// @param id The evidence id.
    /// @param submitter The record's submitter.
    event Witnessed(bytes32 indexed id, address indexed submitter);

    /// @notice The submitter revoked a record.
    /// @param id The evidence id.
    /// @param submitter The submitter.
    /// @param reason Hash of the reason (off-chain text), or zero.
    event Revoked(bytes32 indexed id, address indexed submitter, bytes32 reason);

    /// @notice The submitter linked a record to the one that supersedes it.
    /// @param id The superseded record.
    /// @param supersededBy The superseding record.
    /// @param submitter The submitter of both.
    event Superseded(bytes32 indexed id, bytes32 indexed supersededBy, address indexed submitter);

    /// @notice The digest is zero, which no hash function yields in practice.
    error ZeroDigest();
    /// @notice Algorithm ids run from 1 to 127 (0 means "none").
    /// @param algorithm The rejected id.
    error UnknownAlgorithm(uint8 algorithm);
    /// @notice The id is already anchored: the first anchor keeps the priority.
    /// @param id The evidence id.
    /// @param submitter Who anchored it first.
    /// @param time When it was first anchored.
    error AlreadyAnchored(bytes32 id, address submitter, uint64 time);
    /// @notice No record has this id.
    /// @param id The evidence id.
    error EvidenceNotFound(bytes32 id);
    /// @notice Only the record's submitter may do this.
    /// @param id The evidence id.
    /// @param caller Who tried.
    /// @param submitter The record's submitter.
    error NotSubmitter(bytes32 id, address caller, address submitter);
    /// @notice The record is already superseded.
    /// @param id The evidence id.
    /// @param supersededBy The record that supersedes it.
    error AlreadySuperseded(bytes32 id, bytes32 supersededBy);
    /// @notice A record cannot supersede itself.
    /// @param id The evidence id.
    error SelfSupersession(bytes32 id);
    /// @notice The record already has a witness policy; it cannot change.
    /// @param id The evidence id.
    error WitnessesAlreadyRequired(bytes32 id);
    /// @notice The threshold must be between 1 and the number of witnesses.
    /// @param threshold The rejected threshold.
    /// @param witnessCount How many witnesses were named.
    error InvalidThreshold(uint8 threshold, uint256 witnessCount);
    /// @notice At most `max` witnesses per record.
    /// @param count How many witnesses were named.
    /// @param max The most allowed (`MAX_WITNESSES`).
    error TooManyWitnesses(uint256 count, uint256 max);
    /// @notice A witness may not be the zero address or the submitter.
    /// @param witness The rejected witness.
    error InvalidWitness(address witness);
    /// @notice The witness is named twice.
    /// @param witness The repeated witness.
    error DuplicateWitness(address witness);
    /// @notice The co-signing deadline is already past.
    /// @param deadline The rejected deadline.
    error InvalidWitnessDeadline(uint64 deadline);
    /// @notice The account is not a named witness of the record.
    /// @param id The evidence id.
    /// @param account The account that tried to co-sign.
    error NotAWitness(bytes32 id, address account);
    /// @notice The witness has already co-signed the record.
    /// @param id The evidence id.
    /// @param witness The witness.
    error AlreadyCosigned(bytes32 id, address witness);
    /// @notice The co-signing deadline has passed.
    /// @param id The evidence id.
    /// @param deadline The record's co-signing deadline.
    error CosignDeadlinePassed(bytes32 id, uint64 deadline);

    /// @notice Highest algorithm id accepted; ids share their storage byte with the batch flag.
    /// @return The highest algorithm id (127).
    // solhint-disable-next-line func-name-mixedcase
    function MAX_ALGORITHM() external view returns (uint8);

    /// @notice Most witnesses one record may name.
    /// @return The most witnesses per record (32).
    // solhint-disable-next-line func-name-mixedcase
    function MAX_WITNESSES() external view returns (uint256);

    /// @notice EIP-712 typehash of a delegated anchor.
    /// @return keccak256 of
    /// "Anchor(bytes32 digest,uint8 algorithm,bytes32 metadata,address submitter,uint256 nonce,uint256 deadline)".
    // solhint-disable-next-line func-name-mixedcase
    function ANCHOR_TYPEHASH() external view returns (bytes32);

    /// @notice EIP-712 typehash of a delegated co-signature.
    /// @return keccak256 of "Cosign(bytes32 id,address witness,uint256 nonce,uint256 deadline)".
    // solhint-disable-next-line func-name-mixedcase
    function COSIGN_TYPEHASH() external view returns (bytes32);

    /// @notice Anchors a digest. The caller is the submitter.
    /// @param digest The document digest (the evidence id).
    /// @param algorithm Hash algorithm id, 1 to 127.
    /// @param metadata Optional hash of off-chain metadata, or zero; emitted, not stored.
    function anchor(bytes32 digest, uint8 algorithm, bytes32 metadata) external;

    /// @notice Anchors a digest with a metadata URI, emitted with its hash as the `Anchored` metadata.
    /// @param digest The document digest (the evidence id).
    /// @param algorithm Hash algorithm id, 1 to 127.
    /// @param uri Metadata URI; emitted, not stored.
    function anchorWithURI(bytes32 digest, uint8 algorithm, string calldata uri) external;

    /// @notice Anchors a Merkle root covering any number of digests (leaves in `@openzeppelin/merkle-tree`'s
    /// standard format over `bytes32`). Each digest's time is the root's time.
    /// @param root The Merkle root (the batch's evidence id).
    /// @param algorithm Hash algorithm id of every digest in the batch, 1 to 127.
    /// @param size How many digests the batch covers; emitted, not stored.
    /// @param metadata Optional hash of off-chain metadata, or zero.
    function anchorBatch(bytes32 root, uint8 algorithm, uint256 size, bytes32 metadata) external;

    /// @notice Anchors a digest on behalf of `submitter`, who signed the EIP-712 `Anchor` request; the signer is the
    /// submitter, whoever relays it. EOA and ERC-1271 signers both work. The request names its submitter, so a
    /// signature that is valid for several accounts (an owner's key and the wallets that accept it) anchors only for
    /// the one it names.
    /// Checked in this order: the deadline (`ExpiredSignature`), the nonce (`NonceAlreadyUsed`), the signature
    /// (`InvalidSignature`), then the anchor itself; any refusal leaves the nonce unused.
    /// @param digest The document digest.
    /// @param algorithm Hash algorithm id, 1 to 127.
    /// @param metadata Optional metadata hash, or zero.
    /// @param submitter The signer, recorded as the submitter.
    /// @param nonce Any of the submitter's nonces not yet used or invalidated; used by this call.
    /// @param deadline Last timestamp at which the signature is valid.
    /// @param signature The submitter's signature over
    /// `Anchor(digest, algorithm, metadata, submitter, nonce, deadline)`.
    function anchorBySig(
        bytes32 digest,
        uint8 algorithm,
        bytes32 metadata,
        address submitter,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice Requires `threshold` of `witnesses` to co-sign the caller's record. Set once, never changed.
    /// @param id The evidence id.
    /// @param witnesses The named witnesses (no duplicates, not the submitter).
    /// @param threshold Co-signatures required, 1 to `witnesses.length`.
    /// @param deadline Last moment to co-sign, or 0 for none.
    function requireWitnesses(bytes32 id, address[] calldata witnesses, uint8 threshold, uint64 deadline) external;

    /// @notice Co-signs a record as one of its named witnesses.
    /// @param id The evidence id.
    function cosign(bytes32 id) external;

    /// @notice Co-signs a record for `witness`, who signed the EIP-712 `Cosign` request. Checked as `anchorBySig` is:
    /// deadline, nonce, signature, then the co-signing rules; a refusal (the record revoked by its submitter, say)
    /// leaves the nonce unused and the witness's other requests untouched.
    /// @param id The evidence id.
    /// @param witness The witness.
    /// @param nonce Any of the witness's nonces not yet used or invalidated; used by this call.
    /// @param deadline Last timestamp at which the signature is valid.
    /// @param signature The witness's signature over `Cosign(id, witness, nonce, deadline)`.
    function cosignBySig(
        bytes32 id,
        address witness,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice Revokes the caller's record. The record stays readable, marked revoked.
    /// @param id The evidence id.
    /// @param reason Hash of the reason, or zero.
    function revoke(bytes32 id, bytes32 reason) external;

    /// @notice Links the caller's record to the record (also the caller's, neither revoked nor superseded) that
    /// supersedes it. Version chains stay acyclic: following `supersededBy` always ends at the latest version (which
    /// may since have been revoked; `verify` says so).
    /// @param id The superseded record.
    /// @param newId The superseding record.
    function supersede(bytes32 id, bytes32 newId) external;

    /// @notice Whether `id` is an anchored record (a digest or a batch root).
    /// @param id The evidence id.
    /// @return Whether a record with this id exists.
    function exists(bytes32 id) external view returns (bool);

    /// @notice The stored record of `id` (all zero if none).
    /// @param id The evidence id.
    /// @return The record.
    function getRecord(bytes32 id) external view returns (Record memory);

    /// @notice The witness policy of `id` (empty if none).
    /// @param id The evidence id.
    /// @return The policy: threshold, signatures so far, deadline and witnesses.
    function getWitnessPolicy(bytes32 id) external view returns (WitnessPolicy memory);

    /// @notice Whether `witness` has co-signed `id`.
    /// @param id The evidence id.
    /// @param witness The witness.
    /// @return Whether the witness's co-signature is recorded.
    function hasCosigned(bytes32 id, address witness) external view returns (bool);

    /// @notice Everything a verifier needs about a directly anchored digest (or a batch root itself).
    /// @param digest The digest.
    /// @return The verification (`exists` false, the rest zero, if the digest is not anchored).
    function verify(bytes32 digest) external view returns (Verification memory);

    /// @notice Everything a verifier needs about a digest anchored in the batch with root `root`. `exists` is
    /// false when `root` is not an anchored batch or the proof does not prove `digest` under it.
    /// @param root The batch root.
    /// @param digest The digest.
    /// @param proof The Merkle proof of the digest's leaf.
    /// @return The verification of the batch root, or all zero with `exists` false.
    function verifyInBatch(
        bytes32 root,
        bytes32 digest,
        bytes32[] calldata proof
    ) external view returns (Verification memory);
}
