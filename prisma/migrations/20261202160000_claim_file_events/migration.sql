-- A file added to or removed from an item is a history event (docs/claims.md): its name is the
-- event's comment. Claims write them; the values are the shared event kinds'.
ALTER TYPE "ContributionEventKind" ADD VALUE 'FILE_ADDED';
ALTER TYPE "ContributionEventKind" ADD VALUE 'FILE_REMOVED';
