// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title ParticipantRoles
/// @notice Role bits of `IParticipantRegistry` participants, shared by every suite that reads the registry.
library ParticipantRoles {
    /// @notice A business (drawer, acceptor, payee, endorsee of bills).
    uint32 internal constant ENTERPRISE = 1;
    /// @notice A bank or factoring company (acceptor, discounting and pledge counterparty).
    uint32 internal constant FINANCIER = 2;
    /// @notice A supervisory authority (may freeze, never move value).
    uint32 internal constant REGULATOR = 4;
}
