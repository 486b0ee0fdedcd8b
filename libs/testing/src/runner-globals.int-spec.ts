// Jest gives every test file's sandbox the properties of the runner process's global object, and
// in band (one worker, as on two cores) the global setup runs in that same process. A library the
// global setup loads must therefore leave nothing on that global: @nestjs/graphql keeps its type
// registry there, and one registry shared by every file kept the first file's classes, so the
// second file's schema failed ("Cannot determine a GraphQL output type for hasNextPage").
// This file imports nothing of Nest, so a registry it sees can only be the runner's.

const inherited = new Set(Object.getOwnPropertyNames(globalThis));

describe("the runner process's global object", () => {
  it("holds no library's module-level state (Nest GraphQL's type registry)", () => {
    expect(inherited.has('GqlTypeMetadataStorage')).toBe(false);
  });
});
