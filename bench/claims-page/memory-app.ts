/**
 * The baseline of the claims-page benchmark: Apollo serving the benchmark's query shape from memory,
 * in the same process framework as the real API — NestJS 11 on the same Fastify adapter, with
 * @nestjs/graphql + ApolloDriver, code-first.
 *
 * Choice (the fairest "same shape from memory" we could think of): minimal code-first object types
 * that mirror exactly the fields of the query — same type names, same enums, the same `DateTime`
 * scalar (so Date objects are serialised the same way) — and one `claims` query resolver that
 * returns a page captured beforehand from the real API (by its `after` cursor). Every nested field is
 * resolved by graphql-js's default property resolver, except `Claim.attributions`, which takes
 * arguments and so needs a (trivial) `@ResolveField` in code-first. So the baseline pays for what any
 * Nest + Apollo GraphQL server pays per request (HTTP, Apollo's request pipeline, graphql-js
 * execution of the same ~1,800 fields, JSON serialisation of the same bytes) and nothing for data
 * access. Deliberately left out: the real API's pino-http logger, global ValidationPipe and exception
 * filter and its per-request DataLoader context — they are part of what the benchmark measures.
 *
 * This module must not import the API's libraries: their object types (Claim, Actor, …) are
 * registered in @nestjs/graphql's global metadata on import and would clash with these.
 */
import { readFileSync } from 'node:fs';
import { Inject, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import {
  Args,
  Field,
  GraphQLISODateTime,
  GraphQLModule,
  ID,
  Int,
  ObjectType,
  Parent,
  Query,
  registerEnumType,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';

enum ActorKind {
  PERSON = 'PERSON',
  ORGANIZATION = 'ORGANIZATION',
  GOVERNMENT_BODY = 'GOVERNMENT_BODY',
  MEDIA_OUTLET = 'MEDIA_OUTLET',
  ANONYMOUS_SOURCE = 'ANONYMOUS_SOURCE',
  SOCIAL_MEDIA_ACCOUNT = 'SOCIAL_MEDIA_ACCOUNT',
}
enum Stance {
  ASSERTS = 'ASSERTS',
  REPORTS = 'REPORTS',
  CONFIRMS = 'CONFIRMS',
  DENIES = 'DENIES',
  DISPUTES = 'DISPUTES',
  QUESTIONS = 'QUESTIONS',
  DECLINES_TO_COMMENT = 'DECLINES_TO_COMMENT',
  RETRACTS = 'RETRACTS',
}
enum ClaimStatus {
  UNVERIFIED = 'UNVERIFIED',
  CONTESTED = 'CONTESTED',
  CORROBORATED = 'CORROBORATED',
  CONFIRMED = 'CONFIRMED',
  REFUTED = 'REFUTED',
  RETRACTED = 'RETRACTED',
}
registerEnumType(ActorKind, { name: 'ActorKind' });
registerEnumType(Stance, { name: 'Stance' });
registerEnumType(ClaimStatus, { name: 'ClaimStatus' });

@ObjectType('Actor')
class ActorType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => ActorKind) kind: ActorKind;
}

@ObjectType('Article')
class ArticleType {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field() url: string;
}

@ObjectType('Passage')
class PassageType {
  @Field(() => ID) id: string;
  @Field(() => Int) start: number;
  @Field(() => Int) end: number;
  @Field() exact: string;
  @Field(() => ArticleType) article: ArticleType;
}

@ObjectType('Attribution')
class AttributionType {
  @Field(() => ID) id: string;
  @Field(() => Stance) stance: Stance;
  @Field(() => GraphQLISODateTime, { nullable: true }) statedAt: Date | null;
  @Field(() => ActorType) actor: ActorType;
  @Field(() => PassageType) passage: PassageType;
  @Field(() => [AttributionType]) chain: AttributionType[];
}

@ObjectType('AttributionEdge')
class AttributionEdgeType {
  @Field(() => AttributionType) node: AttributionType;
}

@ObjectType('AttributionConnection')
class AttributionConnectionType {
  @Field(() => Int) totalCount: number;
  @Field(() => [AttributionEdgeType]) edges: AttributionEdgeType[];
}

@ObjectType('StanceCount')
class StanceCountType {
  @Field(() => Stance) stance: Stance;
  @Field(() => Int) count: number;
}

@ObjectType('StanceSummary')
class StanceSummaryType {
  @Field(() => [StanceCountType]) counts: StanceCountType[];
  @Field(() => Int) distinctActors: number;
}

@ObjectType('Claim')
class ClaimType {
  @Field(() => ID) id: string;
  @Field() text: string;
  @Field(() => ClaimStatus) status: ClaimStatus;
  @Field(() => [String]) tags: string[];
  @Field(() => StanceSummaryType) stanceSummary: StanceSummaryType;
  /** resolved by ClaimFields (it takes arguments) */
  attributions: AttributionConnectionType;
}

@ObjectType('ClaimEdge')
class ClaimEdgeType {
  @Field() cursor: string;
  @Field(() => ClaimType) node: ClaimType;
}

@ObjectType('ClaimConnection')
class ClaimConnectionType {
  @Field(() => Int) totalCount: number;
  @Field(() => [ClaimEdgeType]) edges: ClaimEdgeType[];
}

/** The captured answers: `data.claims` of the real API for each `after` ('' for the first page). */
export type CapturedPages = Record<string, unknown>;

const PAGES = Symbol('PAGES');

@Resolver(() => ClaimType)
class ClaimsResolver {
  constructor(@Inject(PAGES) private readonly pages: Map<string, ClaimConnectionType>) {}

  @Query(() => ClaimConnectionType)
  claims(
    @Args('first', { type: () => Int, nullable: true }) _first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): ClaimConnectionType {
    const page = this.pages.get(after ?? '');
    if (!page) throw new Error(`no captured page after ${after}`);
    return page;
  }
}

@Resolver(() => ClaimType)
class ClaimFields {
  @ResolveField(() => AttributionConnectionType)
  attributions(
    @Parent() claim: ClaimType,
    @Args('first', { type: () => Int, nullable: true }) _first: number | null,
  ): AttributionConnectionType {
    return claim.attributions;
  }
}

/** Revives `statedAt` as Date objects (what the real resolvers hand to the DateTime scalar). */
function revive(pages: CapturedPages): Map<string, ClaimConnectionType> {
  return new Map(
    Object.entries(pages).map(([after, page]) => [
      after,
      JSON.parse(JSON.stringify(page), (key, value) =>
        key === 'statedAt' && typeof value === 'string' ? new Date(value) : value,
      ) as ClaimConnectionType,
    ]),
  );
}

@Module({})
class MemoryModule {
  static forRoot(pages: CapturedPages) {
    return {
      module: MemoryModule,
      imports: [
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          sortSchema: true,
          path: '/graphql',
          includeStacktraceInErrorResponses: false,
          introspection: true,
          playground: false,
          allowBatchedHttpRequests: false,
          context: () => ({}),
        }),
      ],
      providers: [{ provide: PAGES, useValue: revive(pages) }, ClaimsResolver, ClaimFields],
    };
  }
}

/** Builds the baseline (not yet listening) from a JSON file of captured pages. */
export async function createMemoryApp(capturedFile: string): Promise<NestFastifyApplication> {
  const pages = JSON.parse(readFileSync(capturedFile, 'utf8')) as CapturedPages;
  return NestFactory.create<NestFastifyApplication>(
    MemoryModule.forRoot(pages),
    new FastifyAdapter(),
    { logger: ['error', 'warn'], abortOnError: false },
  );
}
