// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

/// @title ERC1271WalletMock
/// @notice Test-only smart wallet: a signature is valid when its owner signed the hash with ECDSA.
contract ERC1271WalletMock is IERC1271 {
    /// @notice The EOA whose ECDSA signatures the wallet accepts.
    address public immutable OWNER;

    /// @param owner The EOA whose ECDSA signatures the wallet accepts.
    constructor(address owner) {
        OWNER = owner;
    }

    /// @inheritdoc IERC1271
    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        (address recovered, ECDSA.RecoverError err, ) = ECDSA.tryRecover(hash, signature);
        // 0xffffffff rather than a revert: callers must treat any non-magic answer as a rejection.
        return
            err == ECDSA.RecoverError.NoError && recovered == OWNER
                ? this.isValidSignature.selector
                : bytes4(0xffffffff);
    }
}
