import { InvalidInputError } from "../errors.js";

/** Role bits of the participant registry (`ParticipantRoles` in Solidity). */
export const Roles = { enterprise: 1, financier: 2, regulator: 4 } as const;
export type RoleName = keyof typeof Roles;
export const ROLE_NAMES = Object.keys(Roles) as RoleName[];
/** The roles that hold and move bills. */
export const BUSINESS_ROLES = Roles.enterprise | Roles.financier;

/**
 * Role bits from names ("enterprise,financier", ["financier"]) or bits; refuses unknown names and the regulator
 * role combined with a business role (the registry keeps them apart), with one clear message.
 */
export function parseRoles(roles: string | readonly string[] | number): number {
  let bits = 0;
  if (typeof roles === "number") {
    bits = roles;
    if (!Number.isInteger(bits) || bits <= 0 || bits > 0xffffffff) {
      throw new InvalidInputError(`roles must be a positive 32-bit role set, got ${roles}`);
    }
  } else {
    const names = (typeof roles === "string" ? roles.split(",") : roles).map((r) => r.trim()).filter(Boolean);
    if (names.length === 0) throw new InvalidInputError(`at least one role is needed: ${ROLE_NAMES.join(", ")}`);
    for (const name of names) {
      if (!(name in Roles)) throw new InvalidInputError(`unknown role "${name}": use ${ROLE_NAMES.join(", ")}`);
      bits |= Roles[name as RoleName];
    }
  }
  if ((bits & Roles.regulator) !== 0 && bits !== Roles.regulator) {
    throw new InvalidInputError("the regulator role cannot be combined with another role (separation of duties)");
  }
  return bits;
}

/** The names of the roles in `bits`, e.g. 3 → ["enterprise", "financier"]. */
export function roleNames(bits: number | bigint): RoleName[] {
  const n = Number(bits);
  return ROLE_NAMES.filter((name) => (n & Roles[name]) !== 0);
}
