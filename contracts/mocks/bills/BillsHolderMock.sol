// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";

import {IERC3525Receiver} from "../../bills/IERC3525Receiver.sol";
import {ITokenHookReceiver} from "./HookToken.sol";

/// @title BillsHolderMock
/// @notice A contract participant for tests: it acts through `execute`, answers ERC-3525 receipts as configured
/// (accept, refuse, answer wrongly, or sign the offer from the hook), and can re-enter a contract once when paid in a
/// `HookToken`, recording what the re-entrant call returned.
contract BillsHolderMock is IERC3525Receiver, ITokenHookReceiver, IERC165 {
    /// @notice How `onERC3525Received` answers.
    enum Mode {
        Accept,
        Refuse,
        WrongAnswer,
        SignInHook
    }

    /// @notice The hook refused the value (mode `Refuse`).
    error Refused(uint256 toTokenId);

    /// @notice `onERC3525Received` was called.
    /// @param operator Who called the transfer.
    /// @param fromTokenId Source token.
    /// @param toTokenId Destination token.
    /// @param value Value moved.
    event ValueReceived(address operator, uint256 fromTokenId, uint256 toTokenId, uint256 value);

    /// @notice Whether ERC-165 declares the receiver interface.
    bool public declaresReceiver = true;
    /// @notice How receipts are answered.
    Mode public mode;
    /// @notice The contract a re-entrant call goes to, and its calldata (empty: none armed).
    address public reentryTarget;
    bytes public reentryData;
    /// @notice Whether the last re-entrant call succeeded, and its return or revert data.
    bool public reentrySucceeded;
    bytes public reentryResult;

    /// @notice Calls `target` with `data` as this contract, bubbling a revert.
    /// @param target The contract.
    /// @param data The calldata.
    /// @return result The return data.
    function execute(address target, bytes calldata data) external returns (bytes memory result) {
        return Address.functionCall(target, data);
    }

    /// @notice Sets how receipts are answered and whether ERC-165 declares the receiver.
    /// @param newMode The answer.
    /// @param declares Whether `supportsInterface` reports IERC3525Receiver.
    function configure(Mode newMode, bool declares) external {
        mode = newMode;
        declaresReceiver = declares;
    }

    /// @notice Arms one re-entrant call, made on the next token receipt.
    /// @param target The contract to re-enter.
    /// @param data The calldata.
    function armReentry(address target, bytes calldata data) external {
        reentryTarget = target;
        reentryData = data;
    }

    /// @inheritdoc IERC3525Receiver
    function onERC3525Received(
        address operator,
        uint256 fromTokenId,
        uint256 toTokenId,
        uint256 value,
        bytes calldata
    ) external returns (bytes4) {
        emit ValueReceived(operator, fromTokenId, toTokenId, value);
        if (mode == Mode.Refuse) revert Refused(toTokenId);
        if (mode == Mode.WrongAnswer) return bytes4(0xdeadbeef);
        if (mode == Mode.SignInHook)
            Address.functionCall(msg.sender, abi.encodeWithSignature("sign(uint256)", toTokenId));
        return IERC3525Receiver.onERC3525Received.selector;
    }

    /// @inheritdoc ITokenHookReceiver
    function onTokenReceived(address, uint256) external {
        address target = reentryTarget;
        if (target == address(0)) return;
        delete reentryTarget;
        // solhint-disable-next-line avoid-low-level-calls
        (reentrySucceeded, reentryResult) = target.call(reentryData);
    }

    /// @inheritdoc IERC165
    function supportsInterface(bytes4 interfaceId) external view returns (bool) {
        return
            interfaceId == type(IERC165).interfaceId ||
            (declaresReceiver && interfaceId == type(IERC3525Receiver).interfaceId);
    }
}
