import { Organisation } from './organisation.entity';
import { Study } from './study.entity';
import { StudyOrganisation } from './study-organisation.entity';
import { SessionSlot } from './session-slot.entity';
import { StudyLogo } from './study-logo.entity';

/** The tables this module owns: registered with TypeOrmModule.forFeature, and listed for data sources opened outside the application. */
export const STUDIES_ENTITIES = [Organisation, Study, StudyOrganisation, SessionSlot, StudyLogo];
