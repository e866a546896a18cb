import { graphql } from '../../gql';

/** A notification as the bell and the page show it. */
export const NOTIFICATION_FIELDS = graphql(`
  fragment NotificationFields on Notification {
    id
    kind
    title
    body
    link
    createdAt
    readAt
  }
`);

/** The bell: the unread count and the latest few, polled. */
export const NOTIFICATION_BELL = graphql(`
  query NotificationBell {
    notifications(first: 5) {
      totalCount
      unreadCount
      edges {
        cursor
        node {
          ...NotificationFields
        }
      }
    }
  }
`);

/** The page: the caller's notifications newest first, a page at a time. */
export const NOTIFICATIONS_PAGE = graphql(`
  query NotificationsPage($unreadOnly: Boolean, $first: Int, $after: String) {
    notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
      totalCount
      unreadCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          ...NotificationFields
        }
      }
    }
  }
`);

/** Marks the given notifications read (ids left out: every one of the caller's). */
export const MARK_NOTIFICATIONS_READ = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);
