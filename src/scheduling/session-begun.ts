// When a session counts as begun: from its start on (as the scheduler and a manual move count a slot). Pure.

/** A session whose start is at or before `now` has begun: nobody is invited to it any more, nor told of changes. */
export function hasBegun(session: { startsAt: Date }, now: Date): boolean {
  return session.startsAt.getTime() <= now.getTime();
}
