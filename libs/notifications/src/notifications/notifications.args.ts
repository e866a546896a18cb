import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString } from 'class-validator';
import { PageArgs } from '@jcv/shared';

/** The most ids one call marks: a page of the console is far fewer. */
export const MAX_MARKED_IDS = 1000;

@ArgsType()
export class NotificationsArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only those not read yet.' })
  @IsOptional()
  @IsBoolean({ message: 'unreadOnly must be true or false' })
  unreadOnly?: boolean | null;
}

@ArgsType()
export class MarkNotificationsReadArgs {
  /**
   * Not checked one by one: an id that is not one of the caller's notifications (another user's,
   * or no notification at all) is simply not counted.
   */
  @Field(() => [ID], {
    nullable: true,
    description: 'Left out: every notification of the caller.',
  })
  @IsOptional()
  @IsArray({ message: 'ids must be a list of ids' })
  @ArrayMaxSize(MAX_MARKED_IDS, { message: `ids must hold at most ${MAX_MARKED_IDS} ids` })
  @IsString({ each: true, message: 'ids must be a list of ids' })
  ids?: string[] | null;
}
