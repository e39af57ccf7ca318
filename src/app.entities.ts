import { ACTIONS_ENTITIES } from './actions/actions.entities';
import { AUDIT_ENTITIES } from './audit/audit.entities';
import { AUTH_ENTITIES } from './auth/auth.entities';
import { CODING_ENTITIES } from './coding/coding.entities';
import { GROUPS_ENTITIES } from './groups/groups.entities';
import { HOMEWORK_ENTITIES } from './homework/homework.entities';
import { MAIL_ENTITIES } from './mail/mail.entities';
import { RESPONDENTS_ENTITIES } from './respondents/respondents.entities';
import { SCHEDULING_ENTITIES } from './scheduling/scheduling.entities';
import { STUDIES_ENTITIES } from './studies/studies.entities';
import { SURVEYS_ENTITIES } from './surveys/surveys.entities';

/**
 * Every module's entities, for data sources opened outside the application (tests, benches). The application
 * itself collects them from each module's TypeOrmModule.forFeature; a module that adds tables adds its list here.
 */
export const APP_ENTITIES = [
  ...AUTH_ENTITIES,
  ...AUDIT_ENTITIES,
  ...MAIL_ENTITIES,
  ...STUDIES_ENTITIES,
  ...SURVEYS_ENTITIES,
  ...RESPONDENTS_ENTITIES,
  ...GROUPS_ENTITIES,
  ...SCHEDULING_ENTITIES,
  ...HOMEWORK_ENTITIES,
  ...CODING_ENTITIES,
  ...ACTIONS_ENTITIES,
];
