// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IUnorderedNonces} from "../common/IUnorderedNonces.sol";

import {ICopyrightRegistry} from "./ICopyrightRegistry.sol";

/// @title ICopyrightRelay
/// @notice Gasless registration: a platform relays a creator's EIP-712 signed registration and the creator, not the
/// relayer, becomes the owner. EOA and ERC-1271 (contract wallet) signers both work. The relay holds the registry's
/// `REGISTRAR_ROLE`. The relayer (and the mempool) see the digest before it is registered: a registration that must
/// keep its priority against copiers uses the registry's commit-reveal instead. Nonces are unordered
/// (`IUnorderedNonces`): a creator's signed requests can be relayed in any order, each once; one that fails (its digest
/// registered first by a mempool watcher, say) blocks none of the others, and a creator cancels a request it signed
/// with `invalidateNonces`.
interface ICopyrightRelay is IUnorderedNonces {
    /// @notice Registers a work for `creator`, who signed the EIP-712 request `RegisterWork(bytes32 digest,uint8
    /// algorithm,string uri,bytes32 authorsHash,address creator,uint256 nonce,uint256 deadline)` (domain
    /// "CopyrightRelay", version "1") with `authorsHash = keccak256(abi.encode(authors))` and a nonce of the creator's
    /// not yet used or invalidated (`isNonceUsed`), which this marks used (`NonceAlreadyUsed` for a replay). The
    /// request names the creator: for an ERC-1271 wallet, its owner signs a request naming the wallet, and that
    /// signature registers for no other account (the owner's own address included).
    /// @param digest Content digest.
    /// @param algorithm Hash algorithm id.
    /// @param uri Metadata URI.
    /// @param authors Authors and shares.
    /// @param creator The owner-to-be, named in the request: the signer, or the ERC-1271 wallet it signed for.
    /// @param nonce The request's nonce (any unused one of the creator's).
    /// @param deadline Last time (in the chain's unit) at which the signature is valid.
    /// @param signature The creator's signature.
    /// @return workId The work id.
    function registerWorkBySig(
        bytes32 digest,
        uint8 algorithm,
        string calldata uri,
        ICopyrightRegistry.Author[] calldata authors,
        address creator,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) external returns (uint256 workId);

    /// @notice The copyright registry registered in.
    /// @return Its address.
    function copyrightRegistry() external view returns (address);
}
