import { HomeworkAssignment } from './homework-assignment.entity';
import { HomeworkClosedStudy } from './homework-closed-study.entity';
import { HomeworkSetting } from './homework-setting.entity';

/** The tables this module owns: registered with TypeOrmModule.forFeature, and listed for data sources opened outside the application. */
export const HOMEWORK_ENTITIES = [HomeworkAssignment, HomeworkSetting, HomeworkClosedStudy];
