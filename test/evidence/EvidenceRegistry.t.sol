// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Hashes} from "@openzeppelin/contracts/utils/cryptography/Hashes.sol";
import {MessageHashUtils} from "@openzeppelin/contracts/utils/cryptography/MessageHashUtils.sol";

import {IChainproofErrors} from "../../contracts/common/IChainproofErrors.sol";
import {IUnorderedNonces} from "../../contracts/common/IUnorderedNonces.sol";
import {EvidenceRegistry} from "../../contracts/evidence/EvidenceRegistry.sol";
import {IEvidenceRegistry} from "../../contracts/evidence/IEvidenceRegistry.sol";
import {EvidenceRecord, EvidenceRecordLibrary} from "../../contracts/evidence/types/EvidenceRecord.sol";
import {Test} from "../common/Test.sol";
import {Vm, vm} from "../common/Vm.sol";

/// @notice Fuzz tests of the evidence registry: Merkle batch proofs, the witness threshold, the record and lifecycle
/// packing, the algorithm range, acyclic supersession and unordered nonces.
contract EvidenceRegistryTest is Test {
    uint8 private constant SHA256 = 2;
    uint256 private constant MAX_BATCH = 64;
    uint256 private constant WITNESS_KEY_BASE = 0xA11CE;

    EvidenceRegistry private registry;

    function setUp() public {
        registry = new EvidenceRegistry();
    }

    // ---------------------------------------------------------------- Merkle batches

    /// A random batch of 1..64 digests, built like a StandardMerkleTree of OpenZeppelin's merkle-tree library: every
    /// digest's proof verifies under the anchored root; a flipped proof bit or digest bit does not.
    function testFuzzBatchProof(uint256 seed, uint256 sizeSeed, uint256 indexSeed, uint256 flipSeed) public {
        uint256 size = bound(sizeSeed, 1, MAX_BATCH);
        uint256 index = bound(indexSeed, 0, size - 1);
        bytes32[] memory digests = new bytes32[](size);
        for (uint256 i; i < size; ++i) digests[i] = keccak256(abi.encode(seed, i));
        bytes32[] memory tree = _buildTree(digests);
        bytes32 root = tree[0];
        bytes32[] memory proof = _proof(tree, index);

        vm.warp(1_700_000_000 + (seed % 1e9));
        registry.anchorBatch(root, SHA256, size, bytes32(0));

        IEvidenceRegistry.Verification memory found = registry.verifyInBatch(root, digests[index], proof);
        assertTrue(found.exists, "proof of a batch member verifies");
        assertTrue(found.batched, "batched");
        assertEq(found.submitter, address(this), "submitter");
        assertEq(found.algorithm, SHA256, "algorithm");
        assertEq(found.time, block.timestamp, "time is the root's time");
        assertEq(found.blockNumber, block.number, "block is the root's block");

        bytes32 flipBit = bytes32(uint256(1) << (flipSeed % 256));
        assertFalse(registry.verifyInBatch(root, digests[index] ^ flipBit, proof).exists, "wrong digest");
        if (proof.length != 0) {
            proof[(flipSeed >> 8) % proof.length] ^= flipBit;
            assertFalse(registry.verifyInBatch(root, digests[index], proof).exists, "flipped proof element");
        }
    }

    /// Every member of one random batch verifies, each with its own proof, and only with its own proof.
    function testFuzzEveryBatchMemberVerifies(uint256 seed, uint256 sizeSeed) public {
        uint256 size = bound(sizeSeed, 2, 16);
        bytes32[] memory digests = new bytes32[](size);
        for (uint256 i; i < size; ++i) digests[i] = keccak256(abi.encode(seed, i));
        bytes32[] memory tree = _buildTree(digests);
        registry.anchorBatch(tree[0], SHA256, size, bytes32(0));

        for (uint256 i; i < size; ++i) {
            bytes32[] memory proof = _proof(tree, i);
            assertTrue(registry.verifyInBatch(tree[0], digests[i], proof).exists, "member verifies");
            bytes32 neighbour = digests[(i + 1) % size];
            assertFalse(registry.verifyInBatch(tree[0], neighbour, proof).exists, "another member's proof");
        }
    }

    /// OZ StandardMerkleTree layout: node i has children 2i+1 and 2i+2; leaf i sits at `length - 1 - i`.
    function _buildTree(bytes32[] memory digests) private pure returns (bytes32[] memory tree) {
        uint256 size = digests.length;
        tree = new bytes32[](2 * size - 1);
        for (uint256 i; i < size; ++i) tree[tree.length - 1 - i] = _leaf(digests[i]);
        // The first `size - 1` nodes are inner nodes, hashed bottom-up.
        for (uint256 node = size - 1; node > 0; --node) {
            tree[node - 1] = Hashes.commutativeKeccak256(tree[2 * node - 1], tree[2 * node]);
        }
    }

    /// The sibling path from leaf `index` to the root (a 127-node tree is 6 levels deep).
    function _proof(bytes32[] memory tree, uint256 index) private pure returns (bytes32[] memory) {
        bytes32[] memory path = new bytes32[](8);
        uint256 length;
        for (uint256 node = tree.length - 1 - index; node > 0; node = (node - 1) / 2) {
            path[length] = tree[node % 2 == 1 ? node + 1 : node - 1];
            ++length;
        }
        bytes32[] memory proof = new bytes32[](length);
        for (uint256 i; i < length; ++i) proof[i] = path[i];
        return proof;
    }

    /// The StandardMerkleTree leaf of a `bytes32` value.
    function _leaf(bytes32 digest) private pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(digest))));
    }

    // ---------------------------------------------------------------- witness threshold

    /// N random witnesses, threshold M, k of them co-sign in a random order, each by call or by signature: the record
    /// is witnessed iff k >= M, and `Witnessed` is emitted by exactly the M-th co-signature.
    function testFuzzWitnessThreshold(
        uint256 nSeed,
        uint256 mSeed,
        uint256 kSeed,
        uint256 orderSeed,
        uint256 modeSeed
    ) public {
        uint256 n = bound(nSeed, 1, registry.MAX_WITNESSES());
        uint256 m = bound(mSeed, 1, n);
        uint256 k = bound(kSeed, 0, n);
        address[] memory witnesses = new address[](n);
        for (uint256 i; i < n; ++i) witnesses[i] = vm.addr(WITNESS_KEY_BASE + i);

        bytes32 id = keccak256(abi.encode("witnessed", orderSeed));
        registry.anchor(id, SHA256, bytes32(0));
        registry.requireWitnesses(id, witnesses, uint8(m), 0);

        uint256[] memory order = _shuffle(n, orderSeed);
        for (uint256 s; s < k; ++s) {
            uint256 w = order[s];
            vm.recordLogs();
            if ((modeSeed >> s) & 1 == 0) {
                vm.prank(witnesses[w]);
                registry.cosign(id);
            } else {
                _cosignBySig(id, WITNESS_KEY_BASE + w);
            }
            _checkCosignLogs(vm.getRecordedLogs(), id, witnesses[w], s + 1, s + 1 == m);

            assertTrue(registry.hasCosigned(id, witnesses[w]), "co-signed");
            assertEq(registry.verify(id).witnessed, s + 1 >= m, "witnessed iff signatures >= threshold");
        }

        IEvidenceRegistry.WitnessPolicy memory policy = registry.getWitnessPolicy(id);
        assertEq(policy.threshold, m, "threshold");
        assertEq(policy.signatures, k, "signatures");
        IEvidenceRegistry.Verification memory verification = registry.verify(id);
        assertEq(verification.witnessSignatures, k, "verified signatures");
        assertEq(verification.witnessed, k >= m, "witnessed iff k >= M");
        for (uint256 s = k; s < n; ++s) assertFalse(registry.hasCosigned(id, witnesses[order[s]]), "not co-signed");
    }

    /// Any submitter and witness: a witness's slot carries the record's submitter beside its state, so the events of a
    /// co-signature name the submitter, while `hasCosigned` and the duplicate check read the state alone.
    function testFuzzCosignNamesSubmitter(address submitter, uint256 witnessKeySeed, bytes32 id) public {
        vm.assume(submitter != address(0) && id != bytes32(0));
        address witness = vm.addr(bound(witnessKeySeed, 1, 2 ** 128));
        vm.assume(witness != submitter);
        vm.startPrank(submitter);
        registry.anchor(id, SHA256, bytes32(0));
        address[] memory witnesses = new address[](1);
        witnesses[0] = witness;
        registry.requireWitnesses(id, witnesses, 1, 0);
        vm.stopPrank();
        assertFalse(registry.hasCosigned(id, witness), "pending, whatever the submitter's bits");

        vm.recordLogs();
        vm.prank(witness);
        registry.cosign(id);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertEq(logs.length, 2, "Cosigned and Witnessed");
        assertEq(logs[0].topics[2], bytes32(uint256(uint160(submitter))), "Cosigned submitter");
        assertEq(logs[0].topics[3], bytes32(uint256(uint160(witness))), "Cosigned witness");
        assertEq(logs[1].topics[2], bytes32(uint256(uint160(submitter))), "Witnessed submitter");
        assertTrue(registry.hasCosigned(id, witness), "signed");
        assertEq(registry.verify(id).submitter, submitter, "the record is untouched");

        vm.expectRevert(abi.encodeWithSelector(IEvidenceRegistry.AlreadyCosigned.selector, id, witness));
        vm.prank(witness);
        registry.cosign(id);
    }

    /// A signed anchor names its submitter: the signature anchors for that account only, never for another one with
    /// the same nonce (such as an ERC-1271 wallet that accepts the signer's key).
    function testFuzzSignedAnchorNamesSubmitter(uint256 keySeed, address other, bytes32 digest, uint256 nonce) public {
        uint256 key = bound(keySeed, 1, 2 ** 128);
        address signer = vm.addr(key);
        vm.assume(other != signer && digest != bytes32(0));
        uint256 deadline = block.timestamp;
        bytes memory signature = _signAnchor(key, digest, nonce, deadline);

        vm.expectRevert(abi.encodeWithSelector(IChainproofErrors.InvalidSignature.selector, other));
        registry.anchorBySig(digest, SHA256, bytes32(0), other, nonce, deadline, signature);
        registry.anchorBySig(digest, SHA256, bytes32(0), signer, nonce, deadline, signature);
        assertEq(registry.getRecord(digest).submitter, signer, "submitter");
        assertTrue(registry.isNonceUsed(signer, nonce), "signer's nonce used");
        assertFalse(registry.isNonceUsed(other, nonce), "other's nonce untouched");
    }

    // ---------------------------------------------------------------- unordered nonces

    /// Up to 8 requests with random distinct nonces, relayed in a random order: each goes through and sets exactly its
    /// own bit (the words hold exactly the used nonces); each replay then reverts NonceAlreadyUsed(signer, nonce).
    function testFuzzNoncesUsedInAnyOrder(
        uint256 keySeed,
        uint256 nonceSeed,
        uint256 countSeed,
        uint256 orderSeed
    ) public {
        uint256 key = bound(keySeed, 1, 2 ** 128);
        address signer = vm.addr(key);
        uint256 count = bound(countSeed, 1, 8);
        uint256[] memory nonces = new uint256[](count);
        for (uint256 i; i < count; ++i) {
            // Nonces spread over a few words, sometimes sharing one: a random word below 4, a random bit.
            uint256 r = uint256(keccak256(abi.encode(nonceSeed, i)));
            nonces[i] = ((r >> 8) % 4) * 256 + (r & 0xff);
            for (uint256 j; j < i; ++j) if (nonces[j] == nonces[i]) nonces[i] = type(uint256).max - i;
        }
        uint256[] memory order = _shuffle(count, orderSeed);
        for (uint256 s; s < count; ++s) {
            uint256 nonce = nonces[order[s]];
            assertFalse(registry.isNonceUsed(signer, nonce), "unused before");
            uint256 wordBefore = registry.nonceBitmap(signer, nonce >> 8);
            _anchorBySig(key, keccak256(abi.encode("any order", nonce)), nonce, "");
            assertEq(
                registry.nonceBitmap(signer, nonce >> 8),
                wordBefore | (uint256(1) << (nonce & 0xff)),
                "exactly its bit set"
            );
        }
        for (uint256 i; i < count; ++i) {
            _anchorBySig(
                key,
                keccak256(abi.encode("any order", nonces[i])),
                nonces[i],
                abi.encodeWithSelector(IChainproofErrors.NonceAlreadyUsed.selector, signer, nonces[i])
            );
        }
    }

    /// Relays `key`'s signed anchor of `digest` with `nonce` (deadline: now), expecting `revertData` if not empty.
    function _anchorBySig(uint256 key, bytes32 digest, uint256 nonce, bytes memory revertData) private {
        bytes memory signature = _signAnchor(key, digest, nonce, block.timestamp);
        if (revertData.length != 0) vm.expectRevert(revertData);
        registry.anchorBySig(digest, SHA256, bytes32(0), vm.addr(key), nonce, block.timestamp, signature);
    }

    /// Any nonce a signer invalidates (with any other bits of its word) refuses its request with
    /// NonceAlreadyUsed(signer, nonce), whether an anchor or a co-signature, while nonces outside the mask stay usable;
    /// another account's invalidation of the same bits changes nothing for the signer.
    function testFuzzInvalidatedNonceRefused(uint256 keySeed, uint256 nonce, uint256 extraMask, address other) public {
        uint256 key = bound(keySeed, 1, 2 ** 128);
        address signer = vm.addr(key);
        vm.assume(other != signer);
        uint256 wordPos = nonce >> 8;
        uint256 mask = extraMask | (uint256(1) << (nonce & 0xff));

        vm.recordLogs();
        vm.prank(other);
        registry.invalidateNonces(wordPos, mask);
        vm.prank(signer);
        registry.invalidateNonces(wordPos, mask);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertEq(logs.length, 2, "one NoncesInvalidated each");
        for (uint256 i; i < 2; ++i) {
            assertEq(logs[i].topics[0], IUnorderedNonces.NoncesInvalidated.selector, "event");
            assertEq(logs[i].topics[1], bytes32(uint256(uint160(i == 0 ? other : signer))), "owner");
            assertEq(logs[i].topics[2], bytes32(wordPos), "wordPos");
            assertEq(abi.decode(logs[i].data, (uint256)), mask, "mask");
        }
        assertEq(registry.nonceBitmap(signer, wordPos), mask, "the signer's word is the mask");

        _anchorBySig(
            key,
            keccak256(abi.encode("invalidated", nonce)),
            nonce,
            abi.encodeWithSelector(IChainproofErrors.NonceAlreadyUsed.selector, signer, nonce)
        );

        bytes32 id = keccak256(abi.encode("witnessed", nonce));
        registry.anchor(id, SHA256, bytes32(0));
        address[] memory witnesses = new address[](1);
        witnesses[0] = signer;
        registry.requireWitnesses(id, witnesses, 1, 0);
        bytes memory signature = _signCosign(key, id, nonce, block.timestamp);
        vm.expectRevert(abi.encodeWithSelector(IChainproofErrors.NonceAlreadyUsed.selector, signer, nonce));
        registry.cosignBySig(id, signer, nonce, block.timestamp, signature);

        // The first nonce of the word outside the mask, if any, still anchors.
        if (~mask != 0) {
            uint256 free = wordPos * 256 + _lowestBit(~mask);
            _anchorBySig(key, keccak256(abi.encode("free", free)), free, "");
            assertEq(registry.getRecord(keccak256(abi.encode("free", free))).submitter, signer, "outside the mask");
        }
    }

    function _lowestBit(uint256 x) private pure returns (uint256 bit) {
        while (x & 1 == 0) {
            x >>= 1;
            ++bit;
        }
    }

    function _signAnchor(
        uint256 key,
        bytes32 digest,
        uint256 nonce,
        uint256 deadline
    ) private view returns (bytes memory) {
        bytes32 structHash = keccak256(
            abi.encode(registry.ANCHOR_TYPEHASH(), digest, SHA256, bytes32(0), vm.addr(key), nonce, deadline)
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(
            key,
            MessageHashUtils.toTypedDataHash(_domainSeparator(), structHash)
        );
        return abi.encodePacked(r, s, v);
    }

    function _signCosign(uint256 key, bytes32 id, uint256 nonce, uint256 deadline) private view returns (bytes memory) {
        bytes32 structHash = keccak256(abi.encode(registry.COSIGN_TYPEHASH(), id, vm.addr(key), nonce, deadline));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(
            key,
            MessageHashUtils.toTypedDataHash(_domainSeparator(), structHash)
        );
        return abi.encodePacked(r, s, v);
    }

    function _cosignBySig(bytes32 id, uint256 key) private {
        address witness = vm.addr(key);
        uint256 deadline = block.timestamp;
        // Any unused nonce: one derived from the record, so witnesses sign with scattered nonces.
        uint256 nonce = uint256(keccak256(abi.encode(id, witness)));
        registry.cosignBySig(id, witness, nonce, deadline, _signCosign(key, id, nonce, deadline));
    }

    function _domainSeparator() private view returns (bytes32) {
        return
            keccak256(
                abi.encode(
                    keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                    keccak256("EvidenceRegistry"),
                    keccak256("1"),
                    block.chainid,
                    address(registry)
                )
            );
    }

    function _checkCosignLogs(
        Vm.Log[] memory logs,
        bytes32 id,
        address witness,
        uint256 signatures,
        bool expectWitnessed
    ) private view {
        uint256 cosigned;
        uint256 witnessedEvents;
        for (uint256 i; i < logs.length; ++i) {
            Vm.Log memory log = logs[i];
            assertEq(log.emitter, address(registry), "emitter");
            if (log.topics[0] == IEvidenceRegistry.Cosigned.selector) {
                assertEq(log.topics[1], id, "Cosigned id");
                assertEq(log.topics[2], bytes32(uint256(uint160(address(this)))), "Cosigned submitter");
                assertEq(log.topics[3], bytes32(uint256(uint160(witness))), "Cosigned witness");
                assertEq(abi.decode(log.data, (uint8)), signatures, "Cosigned signatures");
                ++cosigned;
            } else if (log.topics[0] == IEvidenceRegistry.Witnessed.selector) {
                assertEq(log.topics[1], id, "Witnessed id");
                assertEq(log.topics[2], bytes32(uint256(uint160(address(this)))), "Witnessed submitter");
                ++witnessedEvents;
            }
        }
        assertEq(logs.length, cosigned + witnessedEvents, "no other events");
        assertEq(cosigned, 1, "one Cosigned per co-signature");
        assertEq(witnessedEvents, expectWitnessed ? 1 : 0, "Witnessed exactly at the threshold");
    }

    /// A Fisher-Yates permutation of 0..n-1 driven by `seed`.
    function _shuffle(uint256 n, uint256 seed) private pure returns (uint256[] memory order) {
        order = new uint256[](n);
        for (uint256 i; i < n; ++i) order[i] = i;
        for (uint256 i = n; i > 1; --i) {
            uint256 j = uint256(keccak256(abi.encode(seed, i))) % i;
            (order[i - 1], order[j]) = (order[j], order[i - 1]);
        }
    }

    // ---------------------------------------------------------------- record packing

    /// Any digest, algorithm (1..127), submitter, timestamp (48 bits: milliseconds included) and block (40 bits), as a
    /// single digest or a batch, round-trips through the hand-packed record, and co-signing leaves it intact.
    function testFuzzAnchorPacking(
        bytes32 digest,
        uint8 algorithmSeed,
        uint48 time,
        uint40 blockNumber,
        address submitter,
        bool batch,
        bytes32 metadata
    ) public {
        vm.assume(digest != bytes32(0) && submitter != address(0) && submitter != address(vm));
        uint8 algorithm = uint8(bound(algorithmSeed, 1, registry.MAX_ALGORITHM()));
        vm.warp(time);
        vm.roll(blockNumber);

        vm.prank(submitter);
        if (batch) registry.anchorBatch(digest, algorithm, 1, metadata);
        else registry.anchor(digest, algorithm, metadata);

        _checkRecord(digest, submitter, time, blockNumber, algorithm, batch);
        IEvidenceRegistry.Verification memory verification = registry.verify(digest);
        assertTrue(verification.exists, "verify: exists");
        assertEq(verification.batched, batch, "verify: batched");
        assertEq(verification.algorithm, algorithm, "verify: algorithm");
        assertEq(verification.submitter, submitter, "verify: submitter");
        assertEq(verification.time, time, "verify: time");
        assertEq(verification.blockNumber, blockNumber, "verify: blockNumber");
        assertFalse(verification.witnessed, "verify: not witnessed");

        vm.expectRevert(abi.encodeWithSelector(IEvidenceRegistry.AlreadyAnchored.selector, digest, submitter, time));
        registry.anchor(digest, SHA256, bytes32(0));

        address witness = submitter == address(0xBEEF) ? address(0xCAFE) : address(0xBEEF);
        address[] memory witnesses = new address[](1);
        witnesses[0] = witness;
        vm.prank(submitter);
        registry.requireWitnesses(digest, witnesses, 1, 0);
        vm.prank(witness);
        registry.cosign(digest);
        _checkRecord(digest, submitter, time, blockNumber, algorithm, batch);
        assertTrue(registry.verify(digest).witnessed, "verify: witnessed");
    }

    function _checkRecord(
        bytes32 id,
        address submitter,
        uint48 time,
        uint40 blockNumber,
        uint8 algorithm,
        bool batch
    ) private view {
        IEvidenceRegistry.Record memory record = registry.getRecord(id);
        assertTrue(registry.exists(id), "exists");
        assertEq(record.submitter, submitter, "submitter");
        assertEq(record.time, time, "time");
        assertEq(record.blockNumber, blockNumber, "blockNumber");
        assertEq(record.algorithm, algorithm, "algorithm");
        assertEq(record.batch, batch, "batch");
    }

    /// `EvidenceRecord` alone: any fields round-trip through `pack` and the accessors; fields past their width wrap
    /// within their own bits (time mod 2^48, block mod 2^40, algorithm mod 2^7) and never touch a neighbour; the
    /// layout is the documented one (submitter 160 | time 48 | blockNumber 40 | algorithm 7 | batch 1).
    function testFuzzEvidenceRecordType(
        address submitter,
        uint256 time,
        uint256 blockNumber,
        uint8 algorithm,
        bool batch
    ) public pure {
        EvidenceRecord record = EvidenceRecordLibrary.pack(submitter, time, blockNumber, algorithm, batch);
        assertEq(record.submitter(), submitter, "submitter");
        assertEq(record.time(), time % 2 ** 48, "time");
        assertEq(record.blockNumber(), blockNumber % 2 ** 40, "blockNumber");
        assertEq(record.algorithm(), algorithm % 2 ** 7, "algorithm");
        assertEq(record.isBatch(), batch, "batch");
        uint256 expected =
            uint256(uint160(submitter)) |
                ((time % 2 ** 48) << 160) |
                ((blockNumber % 2 ** 40) << 208) |
                (uint256(algorithm % 2 ** 7) << 248) |
                (batch ? uint256(1) << 255 : 0);
        assertEq(uint256(EvidenceRecord.unwrap(record)), expected, "layout");
        assertEq(record.isEmpty(), expected == 0, "empty iff all zero");
    }

    /// Every algorithm id from 1 to 127 is recorded as given, beside either value of the batch bit; 0 and 128..255
    /// revert UnknownAlgorithm(algorithm) and anchor nothing.
    function testFuzzAlgorithmRange(uint8 algorithm, bool batch) public {
        bytes32 id = keccak256(abi.encode("algorithm", algorithm, batch));
        bool known = algorithm != 0 && algorithm <= registry.MAX_ALGORITHM();
        if (!known) vm.expectRevert(abi.encodeWithSelector(IEvidenceRegistry.UnknownAlgorithm.selector, algorithm));
        if (batch) registry.anchorBatch(id, algorithm, 2, bytes32(0));
        else registry.anchor(id, algorithm, bytes32(0));

        assertEq(registry.exists(id), known, "anchored iff the algorithm is known");
        IEvidenceRegistry.Record memory record = registry.getRecord(id);
        assertEq(record.algorithm, known ? algorithm : 0, "algorithm");
        assertEq(record.batch, known && batch, "batch");
    }

    // ---------------------------------------------------------------- lifecycle packing

    /// The witness policy and the revocation time share one slot: any threshold, co-signature count and deadline
    /// survive a revocation at any later time, which then refuses every pending witness, even past the deadline.
    function testFuzzLifecycleFields(
        uint256 nSeed,
        uint256 mSeed,
        uint256 kSeed,
        uint64 deadlineSeed,
        uint64 revokeSeed
    ) public {
        vm.warp(1_700_000_000_000);
        uint256 n = bound(nSeed, 1, registry.MAX_WITNESSES());
        uint256 m = bound(mSeed, 1, n);
        uint256 k = bound(kSeed, 0, n);
        uint64 deadline = deadlineSeed == 0 ? 0 : uint64(bound(deadlineSeed, block.timestamp, type(uint64).max));
        address[] memory witnesses = new address[](n);
        for (uint256 i; i < n; ++i) witnesses[i] = address(uint160(0x1000 + i));

        bytes32 id = keccak256(abi.encode("lifecycle", nSeed, mSeed, kSeed));
        registry.anchor(id, SHA256, bytes32(0));
        registry.requireWitnesses(id, witnesses, uint8(m), deadline);
        for (uint256 i; i < k; ++i) {
            vm.prank(witnesses[i]);
            registry.cosign(id);
        }
        uint64 revokedAt = uint64(bound(revokeSeed, block.timestamp, type(uint64).max));
        vm.warp(revokedAt);
        registry.revoke(id, bytes32(0));

        IEvidenceRegistry.WitnessPolicy memory policy = registry.getWitnessPolicy(id);
        assertEq(policy.threshold, m, "threshold");
        assertEq(policy.signatures, k, "signatures");
        assertEq(policy.deadline, deadline, "deadline");
        assertEq(policy.witnesses.length, n, "witnesses");
        IEvidenceRegistry.Verification memory verification = registry.verify(id);
        assertTrue(verification.revoked, "revoked");
        assertEq(verification.revokedAt, revokedAt, "revokedAt");
        assertEq(verification.witnessThreshold, m, "verified threshold");
        assertEq(verification.witnessSignatures, k, "verified signatures");
        assertEq(verification.witnessed, k >= m, "witnessed iff k >= M");

        if (k < n) {
            vm.expectRevert(abi.encodeWithSelector(IChainproofErrors.EvidenceRevoked.selector, id, revokedAt));
            vm.prank(witnesses[k]);
            registry.cosign(id);
        }
    }

    // ---------------------------------------------------------------- supersession

    /// Random revocations and supersessions among four records, checked against a model of the rules: each call
    /// succeeds or reverts exactly as the model says, and afterwards every `supersededBy` chain ends within three
    /// links.
    function testFuzzSupersessionStaysAcyclic(uint256 seed) public {
        uint256 count = 4;
        bytes32[] memory ids = new bytes32[](count);
        uint256[] memory successor = new uint256[](count); // index + 1, 0 for none
        uint64[] memory revokedAt = new uint64[](count);
        for (uint256 i; i < count; ++i) {
            ids[i] = keccak256(abi.encode("version", i));
            registry.anchor(ids[i], SHA256, bytes32(0));
        }

        for (uint256 step; step < 16; ++step) {
            vm.warp(block.timestamp + 1);
            uint256 r = uint256(keccak256(abi.encode(seed, step)));
            uint256 from = r % count;
            uint256 to = (r >> 8) % count;
            if ((r >> 16) % 5 == 0) {
                if (revokedAt[from] != 0) {
                    vm.expectRevert(_revoked(ids[from], revokedAt[from]));
                } else {
                    revokedAt[from] = uint64(block.timestamp);
                }
                registry.revoke(ids[from], bytes32(0));
                continue;
            }
            bytes memory expected = _supersedeError(ids, successor, revokedAt, from, to);
            if (expected.length != 0) vm.expectRevert(expected);
            else successor[from] = to + 1;
            registry.supersede(ids[from], ids[to]);
        }

        for (uint256 i; i < count; ++i) {
            bytes32 current = ids[i];
            for (uint256 links; links < count - 1 && registry.verify(current).supersededBy != bytes32(0); ++links) {
                current = registry.verify(current).supersededBy;
            }
            assertEq(registry.verify(current).supersededBy, bytes32(0), "chain ends within count - 1 links");
            bytes32 modelled = successor[i] == 0 ? bytes32(0) : ids[successor[i] - 1];
            assertEq(registry.verify(ids[i]).supersededBy, modelled, "supersededBy matches the model");
        }
    }

    /// The revert `supersede(ids[from], ids[to])` must produce, or nothing if it must succeed.
    function _supersedeError(
        bytes32[] memory ids,
        uint256[] memory successor,
        uint64[] memory revokedAt,
        uint256 from,
        uint256 to
    ) private pure returns (bytes memory) {
        if (from == to) return abi.encodeWithSelector(IEvidenceRegistry.SelfSupersession.selector, ids[from]);
        if (successor[from] != 0) return _alreadySuperseded(ids[from], ids[successor[from] - 1]);
        if (successor[to] != 0) return _alreadySuperseded(ids[to], ids[successor[to] - 1]);
        if (revokedAt[to] != 0) return _revoked(ids[to], revokedAt[to]);
        return "";
    }

    function _alreadySuperseded(bytes32 id, bytes32 current) private pure returns (bytes memory) {
        return abi.encodeWithSelector(IEvidenceRegistry.AlreadySuperseded.selector, id, current);
    }

    function _revoked(bytes32 id, uint64 at) private pure returns (bytes memory) {
        return abi.encodeWithSelector(IChainproofErrors.EvidenceRevoked.selector, id, at);
    }
}
