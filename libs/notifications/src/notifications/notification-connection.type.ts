import { Field, Int, ObjectType } from '@nestjs/graphql';
import { type Connection, PageInfo } from '@jcv/shared';
import { Notification } from './notification.entity.js';

@ObjectType()
export class NotificationEdge {
  @Field()
  cursor: string;

  @Field(() => Notification)
  node: Notification;
}

/** A page of the caller's notifications, with the counts the bell shows. */
@ObjectType()
export class NotificationConnection implements Connection<Notification> {
  @Field(() => [NotificationEdge])
  edges: NotificationEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Of the list asked for: the unread ones with unreadOnly.' })
  totalCount: number;

  @Field(() => Int, { description: "The caller's unread notifications, whatever the list." })
  unreadCount: number;
}
