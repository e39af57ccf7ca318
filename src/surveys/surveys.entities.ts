import { SurveyDefinition } from './survey-definition.entity';

/** The tables this module owns: registered with TypeOrmModule.forFeature, and listed for data sources opened outside the application. */
export const SURVEYS_ENTITIES = [SurveyDefinition];
