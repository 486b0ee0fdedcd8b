import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ExtractedAttribution } from '@claimtrace/extraction';
import { Stance } from '@claimtrace/database';

@ObjectType('SuggestedAttribution', {
  description:
    'An attribution the extractor proposes for an article. Accept one with attributeClaim, passing `position: { start: contentStart, end: contentEnd }`.',
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

  /** the name to match against actors (a pronoun resolved to the person it stands for) */
  sourceName: string | null;

  static from(extracted: ExtractedAttribution): SuggestedAttributionObject {
    const suggestion = new SuggestedAttributionObject();
    suggestion.index = extracted.index;
    suggestion.reportedViaIndex = extracted.reportedViaIndex;
    suggestion.sourceText = extracted.source?.text ?? '';
    suggestion.sourceName = extracted.sourceName ?? extracted.source?.text ?? null;
    suggestion.cue = extracted.cue.text;
    suggestion.content = extracted.content.text;
    suggestion.stance = extracted.stance as Stance;
    suggestion.sourceStart = extracted.source?.start ?? null;
    suggestion.sourceEnd = extracted.source?.end ?? null;
    suggestion.cueStart = extracted.cue.start;
    suggestion.cueEnd = extracted.cue.end;
    suggestion.contentStart = extracted.content.start;
    suggestion.contentEnd = extracted.content.end;
    return suggestion;
  }
}
