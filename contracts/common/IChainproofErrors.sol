// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IChainproofErrors
/// @notice The custom errors that more than one suite raises, declared once so that each has one selector, one
/// parameter list and one meaning across evidence, copyright and bills (as OpenZeppelin's `IERC6093` errors are).
interface IChainproofErrors {
    /// @notice The evidence record `evidenceId` was revoked by its submitter at `revokedAt` (chain time), so it can no
    /// longer back anything new.
    error EvidenceRevoked(bytes32 evidenceId, uint64 revokedAt);

    /// @notice The signed request expired: the chain's time is past `deadline`.
    error ExpiredSignature(uint256 deadline);

    /// @notice The signature is not `signer`'s over this request (wrong signer, fields, nonce, contract or chain).
    error InvalidSignature(address signer);

    /// @notice `owner` has already used or invalidated `nonce`: each signed request is accepted once.
    error NonceAlreadyUsed(address owner, uint256 nonce);

    /// @notice A payment in `token` delivered `received` units where exactly `expected` were due (a fee-on-transfer or
    /// rebasing token, which would leave the books unbacked).
    error UnexpectedTokenAmount(address token, uint256 received, uint256 expected);
}
