import { Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';

/**
 * Hands every resolver error to Apollo untouched, where `formatError` translates it once. Without
 * it Nest logs each client mistake (a bad id, a stale version) as a server error.
 */
@Catch()
export class PassThroughFilter implements GqlExceptionFilter {
  catch(error: unknown): unknown {
    return error;
  }
}
