import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { APP_CONFIG, AppConfig, PrincipalRole, RequestContext } from '@claimtrace/core';
import { ForbiddenError, UnauthenticatedError } from '../auth.errors';
import { hasRole } from '../tokens/token';
import { ROLES_KEY } from './roles.decorator';

/**
 * Access control for every root field, registered globally. Mutations need the role their
 * `@Roles` names and are refused when they name none (closed by default); queries and
 * subscriptions need VIEWER when READS_REQUIRE_TOKEN is set, or the role they name. A token that
 * was sent but does not work (unknown, revoked, expired) is refused everywhere, even on a public
 * read, so a client learns at once that its token is bad.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const parent = gql.getInfo<{ parentType: { name: string } }>().parentType.name;
    const ctx = gql.getContext<RequestContext>();
    const declared = this.reflector.getAllAndOverride<PrincipalRole | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (parent === 'Mutation') {
      if (!declared) {
        throw new ForbiddenError('This mutation declares no role, so nobody may call it.');
      }
      return this.require(ctx, declared);
    }
    if (parent === 'Query' || parent === 'Subscription') {
      if (ctx.authError) throw ctx.authError;
      const required = declared ?? (this.config.READS_REQUIRE_TOKEN ? 'VIEWER' : null);
      return required ? this.require(ctx, required) : true;
    }
    return true;
  }

  private require(ctx: RequestContext, required: PrincipalRole): boolean {
    if (ctx.authError) throw ctx.authError;
    if (!ctx.principal || !ctx.role) {
      throw new UnauthenticatedError(
        `This needs a token with role ${required} or higher: send \`Authorization: Bearer <token>\`.`,
        { requiredRole: required },
      );
    }
    if (!hasRole(ctx.role, required)) {
      throw new ForbiddenError(
        `The token of "${ctx.principal}" has role ${ctx.role}; this needs ${required} or higher.`,
        { requiredRole: required, role: ctx.role },
      );
    }
    return true;
  }
}
