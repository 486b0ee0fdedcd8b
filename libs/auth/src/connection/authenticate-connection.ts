import { UnauthenticatedError } from '../auth.errors';
import { AuthenticatedPrincipal } from '../dtos/principal.dto';
import { TokensService } from '../services/tokens.service';

/**
 * The principal of a graphql-ws connection, from `connectionParams.authorization` (`Bearer <token>`
 * or the bare token): null when none is sent (anonymous, allowed when reads are public), the
 * principal for a working token, else it throws UnauthenticatedError (the socket's `onConnect`
 * then answers `false`, which graphql-ws closes with 4403 Forbidden).
 */
export async function authenticateConnection(
  connectionParams: Readonly<Record<string, unknown>> | undefined | null,
  tokens: Pick<TokensService, 'fromAuthorization'>,
  options: { readsRequireToken: boolean },
): Promise<AuthenticatedPrincipal | null> {
  const given = connectionParams?.authorization ?? connectionParams?.Authorization;
  const principal = await tokens.fromAuthorization(
    typeof given === 'string' && given.startsWith('ct_') ? `Bearer ${given}` : given,
  );
  if (!principal && options.readsRequireToken) {
    throw new UnauthenticatedError(
      'Reads need a token here: send connectionParams.authorization = "Bearer <token>".',
    );
  }
  return principal;
}
