import { UnauthenticatedError } from '../auth.errors';
import { AuthenticatedPrincipal } from '../dtos/principal.dto';
import { bearerToken } from '../tokens/token';
import { authenticateConnection } from './authenticate-connection';

const editor: AuthenticatedPrincipal = {
  id: 'p1',
  name: 'editor',
  role: 'EDITOR',
  personId: 'person-1',
};

/** A token service that knows one token, `ct_good`, and refuses every other one. */
const tokens = {
  async fromAuthorization(header: unknown) {
    const token = bearerToken(header);
    if (token === null) return null;
    if (token === 'ct_good') return editor;
    throw new UnauthenticatedError('The token is unknown.');
  },
};

describe('authenticateConnection (graphql-ws connectionParams)', () => {
  const open = { readsRequireToken: false };
  const closed = { readsRequireToken: true };

  it('answers the principal of `authorization: Bearer <token>` or of the bare token', async () => {
    await expect(
      authenticateConnection({ authorization: 'Bearer ct_good' }, tokens, open),
    ).resolves.toEqual(editor);
    await expect(
      authenticateConnection({ authorization: 'ct_good' }, tokens, open),
    ).resolves.toEqual(editor);
    await expect(
      authenticateConnection({ Authorization: 'Bearer ct_good' }, tokens, closed),
    ).resolves.toEqual(editor);
  });

  it('lets an anonymous connection in only when reads are public', async () => {
    await expect(authenticateConnection(undefined, tokens, open)).resolves.toBeNull();
    await expect(authenticateConnection({}, tokens, open)).resolves.toBeNull();
    await expect(authenticateConnection({}, tokens, closed)).rejects.toThrow(UnauthenticatedError);
  });

  it('refuses a bad token with UNAUTHENTICATED (onConnect answers false: 4403)', async () => {
    for (const authorization of ['Bearer ct_bad', 'ct_bad', 'Basic x', 42]) {
      await expect(authenticateConnection({ authorization }, tokens, open)).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
      });
    }
  });
});
