import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsString, MaxLength } from 'class-validator';
import { MAX_WEBHOOK_URL_LENGTH } from './url-guard.js';

/** Far more than the event types there are, so that a repeated type is merely merged. */
const MAX_EVENTS = 100;

@InputType()
export class CreateWebhookEndpointInput {
  // Whether the URL may be used at all (https, a public address) is the URL guard's to say.
  @Field()
  @IsString({ message: 'url must be text' })
  @MaxLength(MAX_WEBHOOK_URL_LENGTH, {
    message: `url must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`,
  })
  url: string;

  @Field(() => [String])
  @IsArray({ message: 'events must be a list of event types' })
  @ArrayMaxSize(MAX_EVENTS, { message: `events must hold at most ${MAX_EVENTS} types` })
  @IsString({ each: true, message: 'events must be event types, such as report.submitted' })
  @MaxLength(100, { each: true, message: 'events must be event types, such as report.submitted' })
  events: string[];
}
