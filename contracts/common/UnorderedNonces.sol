// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IUnorderedNonces} from "./IUnorderedNonces.sol";

/// @title UnorderedNonces
/// @notice Bitmap nonces for signed requests: see `IUnorderedNonces`. One slot of 256 nonces per word and signer,
/// unless an inheriting contract keeps some words elsewhere through `_nonceWord`/`_setNonceWord`.
abstract contract UnorderedNonces is IUnorderedNonces {
    mapping(address owner => mapping(uint256 wordPos => uint256 bitmap)) private _nonceBitmaps;

    /// @inheritdoc IUnorderedNonces
    function nonceBitmap(address owner, uint256 wordPos) external view returns (uint256) {
        return _nonceWord(owner, wordPos);
    }

    /// @inheritdoc IUnorderedNonces
    function isNonceUsed(address owner, uint256 nonce) external view returns (bool) {
        return _nonceWord(owner, nonce >> 8) & (1 << (nonce & 0xff)) != 0;
    }

    /// @inheritdoc IUnorderedNonces
    function invalidateNonces(uint256 wordPos, uint256 mask) external {
        _setNonceWord(msg.sender, wordPos, _nonceWord(msg.sender, wordPos) | mask);
        emit NoncesInvalidated(msg.sender, wordPos, mask);
    }

    /// @dev Marks `owner`'s `nonce` used; reverts `NonceAlreadyUsed` if it was used or invalidated before.
    function _useUnorderedNonce(address owner, uint256 nonce) internal {
        uint256 wordPos = nonce >> 8;
        uint256 bit = 1 << (nonce & 0xff);
        uint256 word = _nonceWord(owner, wordPos);
        if (word & bit != 0) revert NonceAlreadyUsed(owner, nonce);
        _setNonceWord(owner, wordPos, word | bit);
    }

    /// @dev `owner`'s bitmap word `wordPos`. Overridable so that a contract can keep a signer's first nonces in a
    /// slot it writes anyway (the bills keep nonces 0-191 beside the ERC-721 balance).
    function _nonceWord(address owner, uint256 wordPos) internal view virtual returns (uint256) {
        return _nonceBitmaps[owner][wordPos];
    }

    /// @dev Stores `owner`'s bitmap word `wordPos`; see `_nonceWord`.
    function _setNonceWord(address owner, uint256 wordPos, uint256 word) internal virtual {
        _nonceBitmaps[owner][wordPos] = word;
    }
}
