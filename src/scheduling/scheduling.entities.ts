import { Moderator } from './moderator.entity';
import { ModeratorSlot } from './moderator-slot.entity';
import { ModeratorFeed } from './moderator-feed.entity';
import { ScheduledSession } from './session.entity';
import { Invitation } from './invitation.entity';
import { Attendance } from './attendance.entity';

/** The tables this module owns: registered with TypeOrmModule.forFeature, and listed for data sources opened outside the application. */
export const SCHEDULING_ENTITIES = [Moderator, ModeratorSlot, ModeratorFeed, ScheduledSession, Invitation, Attendance];
