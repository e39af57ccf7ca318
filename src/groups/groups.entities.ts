import { FocusGroup } from './group.entity';
import { GroupMember } from './group-member.entity';

/** The tables this module owns: registered with TypeOrmModule.forFeature, and listed for data sources opened outside the application. */
export const GROUPS_ENTITIES = [FocusGroup, GroupMember];
