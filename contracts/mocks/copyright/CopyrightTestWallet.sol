// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

/// @notice ERC-1271 wallet whose owner's ECDSA signatures are its signatures; it can refuse native coin.
contract CopyrightTestWallet is IERC1271 {
    address public immutable OWNER;
    bool public refuseNative;

    error Refused();

    constructor(address owner) {
        OWNER = owner;
    }

    /// @notice Makes the wallet revert on (or accept) native coin.
    function setRefuseNative(bool refuse) external {
        refuseNative = refuse;
    }

    /// @notice Forwards a call (e.g. `withdraw`) from the wallet.
    function execute(address target, bytes calldata data) external returns (bytes memory) {
        return Address.functionCall(target, data);
    }

    /// @inheritdoc IERC1271
    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        (address signer, , ) = ECDSA.tryRecover(hash, signature);
        return signer == OWNER ? IERC1271.isValidSignature.selector : bytes4(0xffffffff);
    }

    receive() external payable {
        if (refuseNative) revert Refused();
    }
}
