// Integration tests boot the API on a real database; give them room.
jest.setTimeout(60_000);
