import { Field, Int, ObjectType } from '@nestjs/graphql';
import { coreName } from '@claimtrace/core';
import { ExtractedAttribution } from '@claimtrace/extraction';
import { Stance } from '@claimtrace/database';
import { PASSAGE_MAX_CODE_POINTS } from '../articles.errors';

@ObjectType('SuggestedAttribution', {
  description:
    'An attribution the extractor proposes for an article. Accept one with attributeClaim, passing `position: { start: passageStart, end: passageEnd }`: the whole attribution (source, cue and content) is the evidence.',
})
export class SuggestedAttributionObject {
  @Field(() => Int, {
    description:
      "position in the article's suggestion list; reportedViaIndex points at the relaying suggestion",
  })
  index: number;

  @Field(() => Int, { nullable: true })
  reportedViaIndex: number | null;

  @Field()
  sourceText: string;

  @Field()
  cue: string;

  @Field()
  content: string;

  @Field(() => Stance)
  stance: Stance;

  @Field(() => Int, {
    nullable: true,
    description: 'the passage spans in the article text (code points, end exclusive)',
  })
  sourceStart: number | null;

  @Field(() => Int, { nullable: true })
  sourceEnd: number | null;

  @Field(() => Int)
  cueStart: number;

  @Field(() => Int)
  cueEnd: number;

  @Field(() => Int)
  contentStart: number;

  @Field(() => Int)
  contentEnd: number;

  @Field(() => Int, {
    description:
      'the evidence to accept: one span from the first to the last of source, cue and content (the content alone when that span would pass the passage limit)',
  })
  passageStart: number;

  @Field(() => Int)
  passageEnd: number;

  @Field(() => String, {
    nullable: true,
    description:
      'the name to match or create the actor by: the source without a descriptive apposition or relative clause, a pronoun resolved to the person it stands for',
  })
  sourceName: string | null;

  static from(extracted: ExtractedAttribution): SuggestedAttributionObject {
    const suggestion = new SuggestedAttributionObject();
    suggestion.index = extracted.index;
    suggestion.reportedViaIndex = extracted.reportedViaIndex;
    suggestion.sourceText = extracted.source?.text ?? '';
    // matched against actors without a descriptive apposition or relative clause
    const name = extracted.sourceName ?? extracted.source?.text ?? null;
    suggestion.sourceName = name ? coreName(name) : null;
    suggestion.cue = extracted.cue.text;
    suggestion.content = extracted.content.text;
    suggestion.stance = extracted.stance as Stance;
    suggestion.sourceStart = extracted.source?.start ?? null;
    suggestion.sourceEnd = extracted.source?.end ?? null;
    suggestion.cueStart = extracted.cue.start;
    suggestion.cueEnd = extracted.cue.end;
    suggestion.contentStart = extracted.content.start;
    suggestion.contentEnd = extracted.content.end;
    const starts = [extracted.cue.start, extracted.content.start];
    const ends = [extracted.cue.end, extracted.content.end];
    if (extracted.source) {
      starts.push(extracted.source.start);
      ends.push(extracted.source.end);
    }
    const [start, end] = [Math.min(...starts), Math.max(...ends)];
    const whole = end - start <= PASSAGE_MAX_CODE_POINTS;
    suggestion.passageStart = whole ? start : extracted.content.start;
    suggestion.passageEnd = whole ? end : extracted.content.end;
    return suggestion;
  }
}
