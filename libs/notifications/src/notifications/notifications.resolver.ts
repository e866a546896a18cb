import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, CurrentUser, Loaders, RequestLoaders, Roles } from '@jcv/shared';
import { NOTIFICATION_READERS } from '../access-policy.js';
import type { NotificationLocale } from '../notification-kinds.js';
import { renderNotification } from '../templates/render.js';
import { NotificationConnection } from './notification-connection.type.js';
import { Notification } from './notification.entity.js';
import { MarkNotificationsReadArgs, NotificationsArgs } from './notifications.args.js';
import { NotificationsService } from './notifications.service.js';

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @Roles(...NOTIFICATION_READERS)
  @Query(() => NotificationConnection, {
    description: "The caller's own notifications, newest first.",
  })
  notifications(@CurrentUser() actor: Actor, @Args() args: NotificationsArgs) {
    return this.service.list(actor, args.unreadOnly ?? false, args.first, args.after);
  }

  @Roles(...NOTIFICATION_READERS)
  @Mutation(() => Int, {
    description: 'ids left out: every notification of the caller. Returns how many were marked.',
  })
  markNotificationsRead(@CurrentUser() actor: Actor, @Args() args: MarkNotificationsReadArgs) {
    return this.service.markRead(actor, args.ids);
  }

  // The words are chosen for the reader as they read: the locale is read once per request,
  // however many notifications the page holds.
  @ResolveField(() => String)
  async title(@Parent() notification: Notification, @Loaders() loaders: RequestLoaders) {
    return renderNotification(
      notification.kind,
      notification.params,
      await this.localeOf(notification, loaders),
    ).title;
  }

  @ResolveField(() => String, { description: 'Paragraphs separated by a blank line.' })
  async body(@Parent() notification: Notification, @Loaders() loaders: RequestLoaders) {
    return renderNotification(
      notification.kind,
      notification.params,
      await this.localeOf(notification, loaders),
    ).body;
  }

  private localeOf(
    notification: Notification,
    loaders: RequestLoaders,
  ): Promise<NotificationLocale> {
    return loaders
      .get('localeByUserId', () => this.service.localeLoader())
      .load(notification.userId);
  }
}
