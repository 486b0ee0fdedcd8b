import { readFileSync } from 'node:fs';
import { Injectable, Logger } from '@nestjs/common';
import { ActorsService } from '@claimtrace/actors';
import { ArticlesService } from '@claimtrace/articles';
import { AttributionsService } from '@claimtrace/attributions';
import { ClaimsService } from '@claimtrace/claims';
import { ClaimLinksService } from '@claimtrace/claims';
import { ActorKind, ClaimRelationKind, ClaimStatus, Database, Stance } from '@claimtrace/database';
import {
  DEMO_ACTORS,
  DEMO_ARTICLE,
  DEMO_CLAIMS,
  DEMO_RELATIONS,
  DEMO_TAG,
  WORKED_EXAMPLE_FILE,
} from './perfil-demo.data';

export interface DemoReport {
  loaded: boolean;
  actors: number;
  claims: number;
  attributions: number;
}

const DEMO_BY = 'claimtrace-demo';

/**
 * Loads the worked example through the same services as the API, so the demo has passages,
 * relay chains, status history and an event log exactly as an editor would have made them.
 * Idempotent: a database that has the demo claims already is left as it is.
 */
@Injectable()
export class DemoLoader {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly db: Database,
    private readonly actors: ActorsService,
    private readonly articles: ArticlesService,
    private readonly claims: ClaimsService,
    private readonly links: ClaimLinksService,
    private readonly attributions: AttributionsService,
  ) {}

  /** Whether the database holds no claim at all (a fresh install). */
  async isEmpty(): Promise<boolean> {
    const [row] = await this.db.query<{ any: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM claims) AS any',
    );
    return !row.any;
  }

  async load(): Promise<DemoReport> {
    const [marker] = await this.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM claims WHERE $1 = ANY(tags)',
      [DEMO_TAG],
    );
    if (marker.n > 0) return { loaded: false, actors: 0, claims: 0, attributions: 0 };

    const actorIds = new Map<string, string>();
    for (const actor of DEMO_ACTORS) {
      const existing = await this.db.query<{ id: string }>(
        `SELECT id FROM actors WHERE merged_into_id IS NULL AND lower(name) = lower($1) LIMIT 1`,
        [actor.name],
      );
      const created = existing[0]
        ? await this.actors.get(this.actors.globalId(existing[0].id))
        : await this.actors.create(
            {
              name: actor.name,
              kind: actor.kind as ActorKind,
              aliases: actor.aliases ?? [],
              affiliationId: actor.affiliation ? actorIds.get(actor.affiliation) : null,
              wikidataId: actor.wikidataId ?? null,
              // a curated set: its actors are distinct even where their names look alike
              allowDuplicate: true,
            },
            DEMO_BY,
          );
      actorIds.set(actor.ref, created.id);
    }

    const text = readFileSync(WORKED_EXAMPLE_FILE, 'utf8');
    const { article } = await this.articles.ingest(
      {
        url: DEMO_ARTICLE.url,
        title: DEMO_ARTICLE.title,
        text,
        publisherId: actorIds.get('perfil'),
        language: DEMO_ARTICLE.language,
      },
      DEMO_BY,
    );

    const claimIds = new Map<string, string>();
    const attributionIds = new Map<string, string>();
    const passageIds = new Map<string, string>();
    for (const demo of DEMO_CLAIMS) {
      const claim = await this.claims.create(
        { text: demo.text, tags: [...demo.tags, DEMO_TAG], language: 'en', allowDuplicate: true },
        DEMO_BY,
      );
      claimIds.set(demo.ref, claim.id);
      for (const attribution of demo.attributions) {
        const created = await this.attributions.attribute(
          {
            claimId: claim.id,
            actorId: actorIds.get(attribution.actor)!,
            stance: attribution.stance as Stance,
            articleId: article.id,
            quote: attribution.quote,
            reportedViaId: attribution.reportedVia
              ? attributionIds.get(attribution.reportedVia)
              : null,
          },
          DEMO_BY,
        );
        attributionIds.set(attribution.ref, created.id);
        passageIds.set(attribution.ref, created.passageId);
      }
      if (demo.status) {
        await this.claims.changeStatus(
          {
            claimId: claim.id,
            status: demo.status.to as ClaimStatus,
            rationale: demo.status.rationale,
            evidencePassageIds: demo.status.evidence.map((ref) => passageIds.get(ref)!),
          },
          DEMO_BY,
        );
      }
    }
    for (const relation of DEMO_RELATIONS) {
      await this.links.link(
        {
          fromId: claimIds.get(relation.from)!,
          toId: claimIds.get(relation.to)!,
          relation: relation.relation as ClaimRelationKind,
        },
        DEMO_BY,
      );
    }
    const report = {
      loaded: true,
      actors: actorIds.size,
      claims: claimIds.size,
      attributions: attributionIds.size,
    };
    this.logger.log(
      `demo data loaded: ${report.actors} actors, ${report.claims} claims, ${report.attributions} attributions`,
    );
    return report;
  }
}
