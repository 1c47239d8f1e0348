// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IChainproofErrors} from "./IChainproofErrors.sol";

/// @title IUnorderedNonces
/// @notice Signed requests carry a nonce that may be used in any order, each once, as Permit2's signature transfers
/// do: a request that fails or is front-run blocks none that its signer signed after it, and a signer can cancel any
/// request it has not yet seen used. Nonce `n` is bit `n & 255` of word `n >> 8` of the signer's bitmap, so nonces
/// taken in sequence (0, 1, 2, …) share storage slots and stay cheap.
interface IUnorderedNonces is IChainproofErrors {
    /// @notice `owner` invalidated the nonces whose bits are set in `mask`, in word `wordPos` of its bitmap.
    event NoncesInvalidated(address indexed owner, uint256 indexed wordPos, uint256 mask);

    /// @notice Word `wordPos` of `owner`'s nonce bitmap: bit `i` is set when nonce `wordPos * 256 + i` was used or
    /// invalidated.
    function nonceBitmap(address owner, uint256 wordPos) external view returns (uint256);

    /// @notice Whether `owner`'s `nonce` was used or invalidated (a request carrying it would be refused).
    function isNonceUsed(address owner, uint256 nonce) external view returns (bool);

    /// @notice Invalidates the caller's nonces whose bits are set in `mask`, in word `wordPos` (nonces `wordPos * 256`
    /// to `wordPos * 256 + 255`), so the requests it signed with them can never be used. Idempotent.
    function invalidateNonces(uint256 wordPos, uint256 mask) external;
}
