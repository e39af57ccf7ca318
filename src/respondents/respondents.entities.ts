import { Respondent } from './respondent.entity';
import { RespondentStatusChange } from './respondent-status-change.entity';
import { ScreenerSubmission } from './screener-submission.entity';

/** The tables this module owns: registered with TypeOrmModule.forFeature, and listed for data sources opened outside the application. */
export const RESPONDENTS_ENTITIES = [Respondent, RespondentStatusChange, ScreenerSubmission];
