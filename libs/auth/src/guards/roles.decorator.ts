import { SetMetadata } from '@nestjs/common';
import type { PrincipalRole } from '@claimtrace/core';

export const ROLES_KEY = 'claimtrace:required-role';

/**
 * The least role a resolver needs (ADMIN includes EDITOR includes VIEWER). Every mutation must
 * declare one: the guard refuses a mutation that does not, and a test walks the schema to be sure.
 */
export const Roles = (role: PrincipalRole) => SetMetadata(ROLES_KEY, role);
