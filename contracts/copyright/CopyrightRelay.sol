// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";

import {UnorderedNonces} from "../common/UnorderedNonces.sol";
import {ICopyrightRegistry} from "./ICopyrightRegistry.sol";
import {ICopyrightRelay} from "./ICopyrightRelay.sol";

/// @title CopyrightRelay
/// @notice EIP-712 gasless registration for a `CopyrightRegistry`, which grants this contract `REGISTRAR_ROLE`.
/// A separate contract keeps the registry under the 24,576-byte code-size limit.
contract CopyrightRelay is ICopyrightRelay, EIP712, UnorderedNonces {
    /// @notice EIP-712 type of a gasless registration. It names the creator, so a signature registers for that
    /// account alone: an ERC-1271 wallet that accepts its owner's signatures cannot have the owner's request redirected
    /// to the wallet, nor the wallet's to the owner.
    bytes32 public constant REGISTER_TYPEHASH = keccak256(
        "RegisterWork(bytes32 digest,uint8 algorithm,string uri,bytes32 authorsHash,address creator,uint256 nonce,"
        "uint256 deadline)"
    );

    ICopyrightRegistry private immutable REGISTRY;

    /// @param registry The copyright registry.
    constructor(ICopyrightRegistry registry) EIP712("CopyrightRelay", "1") {
        REGISTRY = registry;
    }

    /// @inheritdoc ICopyrightRelay
    function registerWorkBySig(
        bytes32 digest,
        uint8 algorithm,
        string calldata uri,
        ICopyrightRegistry.Author[] calldata authors,
        address creator,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) external returns (uint256 workId) {
        if (block.timestamp > deadline) revert ExpiredSignature(deadline);
        bytes32 structHash = keccak256(
            abi.encode(
                REGISTER_TYPEHASH,
                digest,
                algorithm,
                keccak256(bytes(uri)),
                keccak256(abi.encode(authors)),
                creator,
                nonce,
                deadline
            )
        );
        if (!SignatureChecker.isValidSignatureNow(creator, _hashTypedDataV4(structHash), signature)) {
            revert InvalidSignature(creator);
        }
        _useUnorderedNonce(creator, nonce);
        workId = REGISTRY.registerWorkFor(creator, digest, algorithm, uri, authors);
    }

    /// @inheritdoc ICopyrightRelay
    function copyrightRegistry() external view returns (address) {
        return address(REGISTRY);
    }
}
