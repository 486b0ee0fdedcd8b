import { Args, Context, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { JSONScalar, NoArgs, RequestContext, RequestLoaders } from '@claimtrace/core';
import { ClaimEventConnection, ClaimEventObject } from '../dtos/claim-event.object';
import { ClaimEventsArgs, EventsArgs } from '../dtos/events.args';
import { LogEvent } from '../log/log-event';
import { publicPayload } from '../log/public-payload';
import { EventsService } from '../services/events.service';

/** One GraphQL object per event, shared by every subscriber it is delivered to. */
const objects = new WeakMap<LogEvent, ClaimEventObject>();
function objectOf(event: LogEvent): ClaimEventObject {
  let object = objects.get(event);
  if (!object) objects.set(event, (object = ClaimEventObject.from(event)));
  return object;
}

@Resolver(() => ClaimEventObject)
export class EventsResolver {
  constructor(private readonly service: EventsService) {}

  @Query(() => ClaimEventConnection, { description: 'the change log, in log order' })
  events(@Args() args: EventsArgs, @Context() ctx: RequestContext) {
    return this.service.page(args, ctx.principal != null);
  }

  @Subscription(() => ClaimEventObject, {
    description:
      'live events in log order; with `after`, every matching event since that cursor first, then live, with no gap and no duplicate',
    resolve: (event: LogEvent, _args: unknown, ctx: RequestContext) => {
      // A subscription's context lives as long as it does: give each event fresh loaders, so
      // fields like `claim` are read as of that event, never from an earlier event's cache.
      ctx.loaders = new RequestLoaders();
      return objectOf(event);
    },
  })
  claimEvents(@Args() args: ClaimEventsArgs, @Context() ctx: RequestContext) {
    return this.service.subscribe(args, ctx.principal != null);
  }

  /** Notes are the newsroom's: without a token, a note event carries no note text. */
  @ResolveField(() => JSONScalar, {
    description: 'what changed; without a token, a NOTE_* event carries no note text',
  })
  payload(event: ClaimEventObject, _args: NoArgs, ctx: RequestContext) {
    return ctx.principal ? event.payload : publicPayload(event.kind, event.payload);
  }
}
