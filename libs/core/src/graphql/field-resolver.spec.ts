import 'reflect-metadata';
import { ArgsType, Field, Int, PARAM_ARGS_METADATA } from '@nestjs/graphql';
import { Max } from 'class-validator';
import { FieldArgs } from './field-resolver';

@ArgsType()
class PlainArgs {
  @Field(() => Int, { nullable: true })
  first?: number | null;
}

@ArgsType()
class ConstrainedArgs {
  @Field(() => Int, { nullable: true })
  @Max(10)
  first?: number | null;
}

describe('@FieldArgs()', () => {
  it('leaves no parameter for Nest to run a pipeline on', () => {
    class Fields {
      items(_parent: object, @FieldArgs() args: PlainArgs, _ctx: object) {
        return args;
      }
    }
    expect(Reflect.getMetadata(PARAM_ARGS_METADATA, Fields, 'items')).toBeUndefined();
  });

  it('refuses arguments with class-validator constraints, which no pipe would check', () => {
    expect(() => {
      class Fields {
        items(_parent: object, @FieldArgs() args: ConstrainedArgs, _ctx: object) {
          return args;
        }
      }
      return Fields;
    }).toThrow(/ConstrainedArgs \(the arguments of items\) has class-validator constraints/);
  });
});
