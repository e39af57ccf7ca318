import { CodebookCode } from './codebook-code.entity';
import { CodebookVersion } from './codebook-version.entity';
import { Coding } from './coding.entity';

/** The tables this module owns: registered with TypeOrmModule.forFeature, and listed for data sources opened outside the application. */
export const CODING_ENTITIES = [CodebookCode, CodebookVersion, Coding];
