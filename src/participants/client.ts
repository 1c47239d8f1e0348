import {
  ZeroHash,
  isHexString,
  zeroPadValue,
  type ContractRunner,
  type ContractTransactionResponse,
  type Provider,
} from "ethers";

import { ParticipantRegistry__factory, type ParticipantRegistry } from "../../typechain-types/index.js";
import { InvalidInputError, withDecodedErrors } from "../errors.js";
import { checkAddress, toBytes32 } from "../input.js";
import {
  contractLogs,
  deployedCheck,
  minedOf,
  providerOf,
  sendAndFind,
  senderOf,
  type BlockRange,
  type Mined,
} from "../transactions.js";
import { hashBytes } from "../hash.js";
import { BUSINESS_ROLES, Roles, parseRoles, roleNames, type RoleName } from "./roles.js";
import {
  chainTimeToDate,
  detectTimeUnit,
  formatChainTime,
  latestChainTime,
  toChainTime,
  type ChainTime,
} from "../time.js";

/** A participant's registry entry, decoded. */
export interface ParticipantInfo {
  account: string;
  registered: boolean;
  /** keccak256 of the unified social credit code (zero hash if unregistered). */
  orgId: string;
  roles: RoleName[];
  roleBits: number;
  /** End of validity in the chain's time unit, and as a date. */
  validUntil: bigint;
  validUntilDate: Date;
  registeredAt: bigint;
  suspended: boolean;
  frozen: boolean;
  /** Registered, valid now, neither suspended nor frozen (with any role). */
  active: boolean;
}

/** What the KYC desk registers. */
export interface RegisterRequest {
  account: string;
  /** The unified social credit code (its keccak256 goes on chain), or `orgId` directly. */
  org?: string;
  /** keccak256 of the credit code (32-byte hex), if already hashed. */
  orgId?: string;
  /** Role names ("enterprise", "financier", "regulator"; the regulator role stands alone) or role bits. */
  roles: string | readonly string[] | number;
  /** End of validity: a Date, or a number in the chain's time unit. */
  validUntil: ChainTime;
}

interface EventBase {
  account: string;
  blockNumber: number;
  logIndex: number;
  transaction: string;
}

/** A registry event about a participant, decoded, in chain order. */
export type ParticipantEvent =
  | (EventBase & { name: "ParticipantRegistered"; orgId: string; roles: RoleName[]; validUntil: bigint })
  | (EventBase & { name: "ParticipantUpdated"; roles: RoleName[]; validUntil: bigint })
  | (EventBase & { name: "ParticipantSuspended"; reason: string })
  | (EventBase & { name: "ParticipantReinstated" })
  | (EventBase & { name: "ParticipantFrozen"; regulator: string; frozen: boolean; reason: string });

const EVENT_NAMES = [
  "ParticipantRegistered",
  "ParticipantUpdated",
  "ParticipantSuspended",
  "ParticipantReinstated",
  "ParticipantFrozen",
] as const;

/**
 * Typed access to the ParticipantRegistry (企业信息报备): KYC registration, updates, suspension, the regulator's
 * freeze, lookups and history. Input is checked first, so a wrong role, a past validity or an unknown account gets
 * one clear `InvalidInputError`; anything else the contract refuses comes back as a decoded `ContractRevertError`.
 */
export class ParticipantsClient {
  readonly contract: ParticipantRegistry;
  private unit?: bigint;
  /** Settles once the address is known to hold code (`deployedCheck`): the first use of a wrong address is refused. */
  private readonly ready: () => Promise<void>;

  /**
   * @param options.timeUnitsPerSecond The chain's time unit (1 seconds, 1000 milliseconds); without it, guessed from
   *   the latest block. `BillsClient.registry()` passes the bills deployment's.
   */
  constructor(address: string, runner: ContractRunner, options: { timeUnitsPerSecond?: bigint | number } = {}) {
    this.contract = ParticipantRegistry__factory.connect(checkAddress(address, "participant registry"), runner);
    this.ready = deployedCheck("ParticipantRegistry", address, () => this.provider);
    if (options.timeUnitsPerSecond !== undefined) {
      const unit = BigInt(options.timeUnitsPerSecond);
      if (unit !== 1n && unit !== 1000n)
        throw new InvalidInputError(`time unit must be 1 or 1000 per second, got ${unit}`);
      this.unit = unit;
    }
  }

  private get provider(): Provider {
    return providerOf(this.contract.runner);
  }

  /** Chain time units per second (1 or 1000). */
  async timeUnit(): Promise<bigint> {
    this.unit ??= await detectTimeUnit(this.provider);
    return this.unit;
  }

  private sender(): Promise<string> {
    return senderOf(this.contract.runner);
  }

  private async send(call: () => Promise<ContractTransactionResponse>): Promise<Mined> {
    const target = { address: this.contract.target as string, interface: this.contract.interface, ready: this.ready };
    return minedOf(await sendAndFind(target, call));
  }

  private async requireKycOfficer(): Promise<string> {
    await this.ready();
    const sender = await this.sender();
    if (!(await this.contract.hasRole(await this.contract.KYC_ROLE(), sender))) {
      throw new InvalidInputError(`${sender} lacks the registry's KYC role`);
    }
    return sender;
  }

  /** The register's admin and KYC officers run it and are never participants (the contract refuses them too). */
  private async requireNotStaff(account: string): Promise<void> {
    const roles: [string, string][] = [
      ["admin", await this.contract.DEFAULT_ADMIN_ROLE()],
      ["KYC", await this.contract.KYC_ROLE()],
    ];
    for (const [name, role] of roles) {
      if (await this.contract.hasRole(role, account)) {
        throw new InvalidInputError(
          `${account} holds the registry's ${name} role: the registry's admin and KYC officers cannot be participants`,
        );
      }
    }
  }

  private async checkValidity(validUntil: ChainTime): Promise<bigint> {
    const unit = await this.timeUnit();
    const until = toChainTime(validUntil, unit, "validity end");
    if (until <= (await latestChainTime(this.provider))) {
      throw new InvalidInputError(`validity end ${formatChainTime(until, unit)} is not in the future`);
    }
    if (until >= 2n ** 64n) throw new InvalidInputError(`validity end ${until} does not fit 64 bits`);
    return until;
  }

  private async registered(account: string, what = "participant"): Promise<ParticipantInfo> {
    const info = await this.get(checkAddress(account, what));
    if (!info.registered) throw new InvalidInputError(`${what} ${account} is not registered`);
    return info;
  }

  // ------------------------------------------------------------ KYC desk

  /** Registers a participant (KYC role; never the sender itself). */
  async register(request: RegisterRequest): Promise<Mined & { orgId: string }> {
    checkAddress(request.account, "participant");
    const roles = parseRoles(request.roles);
    let orgId: string;
    if (request.orgId !== undefined) {
      if (!isHexString(request.orgId, 32) || request.orgId === ZeroHash) {
        throw new InvalidInputError("orgId must be a non-zero 32-byte hash");
      }
      orgId = request.orgId;
    } else {
      const org = request.org?.trim() ?? "";
      if (org === "") throw new InvalidInputError("the organisation's unified social credit code is required");
      orgId = hashBytes(org, "keccak256");
    }
    const validUntil = await this.checkValidity(request.validUntil);
    const sender = await this.requireKycOfficer();
    if (sender.toLowerCase() === request.account.toLowerCase()) {
      throw new InvalidInputError(`${sender} cannot register itself`);
    }
    if ((await this.get(request.account)).registered) {
      throw new InvalidInputError(`participant ${request.account} is already registered`);
    }
    await this.requireNotStaff(request.account);
    const mined = await this.send(() => this.contract.register(request.account, orgId, roles, validUntil));
    return { ...mined, orgId };
  }

  /**
   * Changes a participant's roles and validity (KYC role). Business roles change among themselves; whether an account
   * is a regulator is fixed at its registration (a regulator is a fresh account), so no update crosses that line.
   */
  async update(
    account: string,
    terms: { roles: string | readonly string[] | number; validUntil: ChainTime },
  ): Promise<Mined> {
    const roles = parseRoles(terms.roles);
    const validUntil = await this.checkValidity(terms.validUntil);
    const current = await this.registered(account);
    if (((current.roleBits ^ roles) & Roles.regulator) !== 0) {
      throw new InvalidInputError(
        current.roleBits & Roles.regulator
          ? `participant ${account} is a regulator: it cannot take a business role (register a separate account)`
          : `participant ${account} holds business roles: it cannot become a regulator (register a fresh account)`,
      );
    }
    const sender = await this.requireKycOfficer();
    if (sender.toLowerCase() === account.toLowerCase()) throw new InvalidInputError(`${sender} cannot update itself`);
    return this.send(() => this.contract.update(account, roles, validUntil));
  }

  /** Suspends a participant (KYC role); `reason` is text (hashed) or a 32-byte hash. */
  async suspend(account: string, reason?: string): Promise<Mined> {
    if ((await this.registered(account)).suspended)
      throw new InvalidInputError(`participant ${account} is already suspended`);
    await this.requireKycOfficer();
    return this.send(() => this.contract.suspend(account, toBytes32(reason)));
  }

  /** Lifts a suspension (KYC role; never the sender itself). */
  async reinstate(account: string): Promise<Mined> {
    if (!(await this.registered(account)).suspended)
      throw new InvalidInputError(`participant ${account} is not suspended`);
    await this.requireKycOfficer();
    return this.send(() => this.contract.reinstate(account));
  }

  // ------------------------------------------------------------ regulator

  /**
   * Regulator: freezes a business participant (nothing moves to or from it). The contract refuses a regulator as the
   * target (`RegulatorCannotFreezeRegulator`, decoded): the KYC desk suspends a regulator instead.
   */
  async freeze(account: string, reason?: string): Promise<Mined> {
    return this.setFrozen(account, true, reason);
  }

  /** Regulator: lifts a freeze. */
  async unfreeze(account: string, reason?: string): Promise<Mined> {
    return this.setFrozen(account, false, reason);
  }

  private async setFrozen(account: string, frozen: boolean, reason?: string): Promise<Mined> {
    const info = await this.registered(account);
    if (info.frozen === frozen) {
      throw new InvalidInputError(`participant ${account} is ${frozen ? "already frozen" : "not frozen"}`);
    }
    const sender = await this.sender();
    if (!(await this.contract.isActive(sender, Roles.regulator))) {
      throw new InvalidInputError(`${sender} is not an active regulator`);
    }
    return this.send(() => this.contract.setFrozen(account, frozen, toBytes32(reason)));
  }

  // ------------------------------------------------------------ views

  /** A participant's entry (`registered: false` if unknown). */
  async get(account: string): Promise<ParticipantInfo> {
    checkAddress(account, "participant");
    await this.ready();
    const [p, unit, now] = await Promise.all([
      withDecodedErrors(this.contract.interface, () => this.contract.participant(account)),
      this.timeUnit(),
      latestChainTime(this.provider),
    ]);
    const registered = p.registeredAt !== 0n;
    return {
      account,
      registered,
      orgId: p.orgId,
      roles: roleNames(p.roles),
      roleBits: Number(p.roles),
      validUntil: p.validUntil,
      validUntilDate: chainTimeToDate(p.validUntil, unit),
      registeredAt: p.registeredAt,
      suspended: p.suspended,
      frozen: p.frozen,
      active: registered && !p.suspended && !p.frozen && now <= p.validUntil,
    };
  }

  /** Whether `account` may act now in one of `roles` (default: either business role). */
  async isActive(account: string, roles: string | readonly string[] | number = BUSINESS_ROLES): Promise<boolean> {
    checkAddress(account, "participant");
    const bits = typeof roles === "number" ? roles : parseRoles(roles);
    await this.ready();
    return this.contract.isActive(account, bits);
  }

  /** Throws one clear line (`what` names the party) unless `account` is active in one of the `roles` bits. */
  async requireActive(account: string, roles: number, what: string): Promise<void> {
    checkAddress(account, what);
    await this.ready();
    if (await this.contract.isActive(account, roles)) return;
    const entry = await this.get(account);
    const why = !entry.registered
      ? "is not registered"
      : entry.suspended
        ? "is suspended"
        : entry.frozen
          ? "is frozen by the regulator"
          : (entry.roleBits & roles) === 0
            ? `lacks the ${roleNames(roles).join(" or ")} role`
            : "has an expired registration";
    throw new InvalidInputError(`${what} ${account} ${why}`);
  }

  /** The registry's events, of one participant or all, in chain order. */
  async history(account?: string, range: BlockRange = {}): Promise<ParticipantEvent[]> {
    const iface = this.contract.interface;
    const topics: (string | string[] | null)[] = [EVENT_NAMES.map((name) => iface.getEvent(name).topicHash)];
    if (account !== undefined) topics.push(zeroPadValue(checkAddress(account, "participant"), 32));
    const logs = await contractLogs(this.provider, this.contract.target as string, topics, range, {
      ready: this.ready,
    });
    return logs.map((log) => {
      const parsed = iface.parseLog(log)!;
      const base: EventBase = {
        account: parsed.args.account as string,
        blockNumber: log.blockNumber,
        logIndex: log.index,
        transaction: log.transactionHash,
      };
      const a = parsed.args;
      switch (parsed.name as (typeof EVENT_NAMES)[number]) {
        case "ParticipantRegistered":
          return {
            ...base,
            name: "ParticipantRegistered",
            orgId: a.orgId,
            roles: roleNames(a.roles),
            validUntil: a.validUntil,
          };
        case "ParticipantUpdated":
          return { ...base, name: "ParticipantUpdated", roles: roleNames(a.roles), validUntil: a.validUntil };
        case "ParticipantSuspended":
          return { ...base, name: "ParticipantSuspended", reason: a.reason };
        case "ParticipantReinstated":
          return { ...base, name: "ParticipantReinstated" };
        case "ParticipantFrozen":
          return { ...base, name: "ParticipantFrozen", regulator: a.regulator, frozen: a.frozen, reason: a.reason };
      }
    });
  }
}
