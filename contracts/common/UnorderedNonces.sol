// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IUnorderedNonces} from "./IUnorderedNonces.sol";

/// @title UnorderedNonces
/// @notice Bitmap nonces for signed requests: see `IUnorderedNonces`. One slot of 256 nonces per word and signer.
abstract contract UnorderedNonces is IUnorderedNonces {
    mapping(address owner => mapping(uint256 wordPos => uint256 bitmap)) private _nonceBitmaps;

    /// @inheritdoc IUnorderedNonces
    function nonceBitmap(address owner, uint256 wordPos) external view returns (uint256) {
        return _nonceBitmaps[owner][wordPos];
    }

    /// @inheritdoc IUnorderedNonces
    function isNonceUsed(address owner, uint256 nonce) external view returns (bool) {
        return _nonceBitmaps[owner][nonce >> 8] & (1 << (nonce & 0xff)) != 0;
    }

    /// @inheritdoc IUnorderedNonces
    function invalidateNonces(uint256 wordPos, uint256 mask) external {
        _nonceBitmaps[msg.sender][wordPos] |= mask;
        emit NoncesInvalidated(msg.sender, wordPos, mask);
    }

    /// @dev Marks `owner`'s `nonce` used; reverts `NonceAlreadyUsed` if it was used or invalidated before.
    function _useUnorderedNonce(address owner, uint256 nonce) internal {
        uint256 bit = 1 << (nonce & 0xff);
        mapping(uint256 => uint256) storage words = _nonceBitmaps[owner];
        uint256 word = words[nonce >> 8];
        if (word & bit != 0) revert NonceAlreadyUsed(owner, nonce);
        words[nonce >> 8] = word | bit;
    }
}
